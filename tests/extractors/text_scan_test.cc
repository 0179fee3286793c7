#include "extractors/text_scan.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <catch2/catch.hpp>

using solieu::IsWordCharAt;
using solieu::IsWordCharBefore;
using solieu::Lower;
using solieu::LowerSameLength;

TEST_CASE("Lower lower-cases Vietnamese capitals and ASCII alike", "[extractors]") {
  CHECK(Lower("UBND TỈNH BẮC KẠN") == "ubnd tỉnh bắc kạn");
  CHECK(Lower("Thành Ủy Đề Ra 07 Mục Tiêu") == "thành ủy đề ra 07 mục tiêu");
  CHECK(Lower("3.200 TỶ ĐỒNG, 108.6%") == "3.200 tỷ đồng, 108.6%");
}

TEST_CASE("Lower keeps malformed bytes as they are", "[extractors]") {
  std::string text = "ĐẠT \xC3 575";
  CHECK(Lower(text) == "đạt \xC3 575");
}

TEST_CASE("LowerSameLength returns the text unchanged when lower case would change its length", "[extractors]") {
  CHECK(LowerSameLength("Đạt 99%") == "đạt 99%");
  CHECK(LowerSameLength("İzmir Đạt") == "İzmir Đạt");  // İ lower-cases to one byte fewer
}

TEST_CASE("Lower grows the text where a lower case takes more bytes", "[extractors]") {
  CHECK(Lower("\u023A\u023A\u023A") == "\u2C65\u2C65\u2C65");  // Ⱥ (2 bytes) → ⱥ (3 bytes)
  CHECK(LowerSameLength("Ⱥ 12 tỷ") == "Ⱥ 12 tỷ");
}

TEST_CASE("Lower and the word-character tests agree with ICU on every code point", "[extractors]") {
  // The scans answer from a table below U+2000 and ask ICU above it: both
  // halves must give ICU's own answers, between Vietnamese letters.
  size_t lower_wrong = 0, word_wrong = 0;
  for (UChar32 c = 0x80; c <= 0x10FFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    std::string text = "ạ" + std::string(buf, len) + "ố";
    char want[U8_MAX_LENGTH];
    int32_t want_len = 0;
    U8_APPEND_UNSAFE(want, want_len, u_tolower(c));
    lower_wrong += Lower(text) != "ạ" + std::string(want, want_len) + "ố";
    bool word = u_isalnum(c) || u_getCombiningClass(c) != 0;
    const size_t at = std::string("ạ").size();
    word_wrong += IsWordCharAt(text, at) != word || IsWordCharBefore(text, at + len) != word;
  }
  CHECK(lower_wrong == 0);
  CHECK(word_wrong == 0);
}
