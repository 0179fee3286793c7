#include "corpus/utf8.h"

#include <unicode/utf8.h>

#include <catch2/catch.hpp>

#include <string>

using solieu::FindInvalidUtf8;

namespace {

// The reference: ICU's decoder, one code point at a time. U8_NEXT refuses
// overlongs, surrogates and anything past U+10FFFF, as FindInvalidUtf8 must.
size_t IcuFirstInvalid(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return static_cast<size_t>(at);
  }
  return std::string_view::npos;
}

}  // namespace

TEST_CASE("FindInvalidUtf8 accepts Vietnamese report text and names the offset of a bad byte", "[corpus]") {
  const std::string line = "Tổng thu ngân sách trên địa bàn ước đạt 575, tỷ đồng, bằng 108.6% dự toán.";
  CHECK(FindInvalidUtf8(line) == std::string_view::npos);
  CHECK(FindInvalidUtf8(line.substr(0, 3)) == 1);  // "T" and two of the three bytes of "ổ"
  std::string latin1 = line;
  latin1[40] = '\xE9';  // a windows-1258 byte in the middle of ASCII
  CHECK(FindInvalidUtf8(latin1) == 40);
}

TEST_CASE("FindInvalidUtf8 agrees with ICU on every two- and three-byte sequence, at every alignment", "[corpus]") {
  // Each sequence after 0..8 ASCII bytes and before ASCII, so that it falls
  // in and across the eight-byte ASCII steps.
  size_t disagreements = 0;
  std::string s;
  for (int b0 = 0x80; b0 <= 0xFF; ++b0) {
    for (int b1 = 0; b1 <= 0xFF; ++b1) {
      for (int len : {2, 3}) {
        for (int b2 = 0; b2 <= (len == 3 ? 0xFF : 0); b2 += (len == 3 ? 1 : 256)) {
          size_t prefix = static_cast<size_t>(b1 + b2) % 9;
          s.assign(prefix, 'a');
          s += static_cast<char>(b0);
          s += static_cast<char>(b1);
          if (len == 3) s += static_cast<char>(b2);
          s += "abcdefgh";
          if (FindInvalidUtf8(s) != IcuFirstInvalid(s)) ++disagreements;
        }
      }
    }
  }
  CHECK(disagreements == 0);
}

TEST_CASE("FindInvalidUtf8 agrees with ICU on four-byte sequences and truncated ones at the end", "[corpus]") {
  size_t disagreements = 0;
  for (int b0 = 0xF0; b0 <= 0xF7; ++b0) {
    for (int b1 = 0x70; b1 <= 0xC0; ++b1) {
      for (int b2 : {0x41, 0x80, 0xBF, 0xC0}) {
        for (int b3 : {0x41, 0x80, 0xBF}) {
          std::string s = "so với ";
          s += {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2), static_cast<char>(b3)};
          for (size_t cut = 0; cut <= s.size(); ++cut) {
            std::string_view part(s.data(), cut);
            if (FindInvalidUtf8(part) != IcuFirstInvalid(part)) ++disagreements;
          }
        }
      }
    }
  }
  CHECK(disagreements == 0);
  CHECK(FindInvalidUtf8("\xF0\x9F\x93\x88 GRDP tăng 6,5%") == std::string_view::npos);  // 📈
  CHECK(FindInvalidUtf8("\xED\xA0\x80") == 0);  // a surrogate, U+D800
  CHECK(FindInvalidUtf8("ab\xC0\xAF") == 2);    // an overlong '/'
}
