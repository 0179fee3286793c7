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

TEST_CASE("Lower lower-cases every ASCII byte wherever it falls among eight-byte steps", "[extractors]") {
  // The bytes on either side of A-Z (@ [ ` { and DEL) stay as they are.
  const std::string ascii = "@AZ[`az{\x7F" "0 9.MZ,KAN";
  for (size_t lead = 0; lead < 9; ++lead) {
    for (const char* between : {"", "Ạ", "Đ"}) {
      std::string text = std::string(lead, 'X') + ascii + between + ascii + std::string(lead, 'Q');
      std::string want;
      for (char ch : text) want += ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch;
      if (std::string(between) == "Ạ") want.replace(lead + ascii.size(), 3, "ạ");
      if (std::string(between) == "Đ") want.replace(lead + ascii.size(), 2, "đ");
      INFO("lead " << lead << ", between '" << between << "'");
      CHECK(Lower(text) == want);
      CHECK(LowerSameLength(text) == want);
    }
  }
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
  std::string many, lowered;  // more than the room the input's own length gives
  for (int i = 0; i < 500; ++i) {
    many += "\u023A ĐẠT ";
    lowered += "\u2C65 đạt ";
  }
  CHECK(Lower(many) == lowered);
}

TEST_CASE("Lower and the word-character and capital tests agree with ICU on every code point", "[extractors]") {
  // The scans answer from a table below U+2000 and ask ICU above it: both
  // halves must give ICU's own answers, between Vietnamese letters.
  size_t lower_wrong = 0, word_wrong = 0, upper_wrong = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
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
    upper_wrong += solieu::IsUpperAt(text, at) != static_cast<bool>(u_isupper(c));
  }
  CHECK(lower_wrong == 0);
  CHECK(word_wrong == 0);
  CHECK(upper_wrong == 0);
}

TEST_CASE("FindDigit finds the first digit wherever it falls among eight-byte steps", "[extractors]") {
  // Every byte value at every place in a text of Vietnamese letters, spaces
  // and punctuation (bytes just below '0' and above '9' included), against
  // a plain byte loop.
  const std::string filler = "Tổng thu ngân sách/ước đạt:";
  size_t wrong = 0;
  for (int b = 0; b <= 0xFF; ++b) {
    for (size_t at = 0; at <= filler.size(); ++at) {
      std::string s = filler;
      s.insert(at, 1, static_cast<char>(b));
      for (size_t from : {size_t{0}, size_t{3}, at}) {
        size_t want = std::string_view::npos;
        for (size_t i = from; i < s.size(); ++i) {
          if (s[i] >= '0' && s[i] <= '9') { want = i; break; }
        }
        wrong += solieu::FindDigit(s, from) != want;
      }
    }
  }
  CHECK(wrong == 0);
  CHECK(solieu::FindDigit("Tổng mức bán lẻ hàng hóa đạt 3.200 tỷ đồng") == std::string("Tổng mức bán lẻ hàng hóa đạt ").size());
}

TEST_CASE("IsUpperAt tells capitals from small letters, Vietnamese and ASCII", "[extractors]") {
  const std::string s = "Đảng ỦY Bắc kạn 3,ƯỚC";
  CHECK(solieu::IsUpperAt(s, 0));                  // Đ
  CHECK_FALSE(solieu::IsUpperAt(s, 2));            // ả
  CHECK(solieu::IsUpperAt(s, s.find("ỦY")));       // Ủ, three bytes
  CHECK(solieu::IsUpperAt(s, s.find("Y ")));
  CHECK(solieu::IsUpperAt(s, s.find("Bắc")));
  CHECK_FALSE(solieu::IsUpperAt(s, s.find("kạn")));
  CHECK_FALSE(solieu::IsUpperAt(s, s.find("3")));
  CHECK(solieu::IsUpperAt(s, s.find("ƯỚC")));      // Ư, two bytes
  CHECK_FALSE(solieu::IsUpperAt(s, s.size()));
  CHECK_FALSE(solieu::IsUpperAt("\xC3", 0));       // malformed
}
