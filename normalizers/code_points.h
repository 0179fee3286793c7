// MapCodePoints: the shared loop of Lower (extractors/text_scan.h) and Fold
// (normalizers/folding.h); and ASCII letter tests for the scans. ASCII
// bytes, most of report text, are lower-cased without ICU, eight at a time;
// every other code point goes to `other(c, bytes, scratch)`, which returns
// what it becomes (c < 0 for a malformed sequence, `bytes` its original
// bytes): a view of `bytes`, of bytes it wrote to `scratch` (U8_MAX_LENGTH
// chars) or of bytes it keeps.
#ifndef SOLIEU_NORMALIZERS_CODE_POINTS_H_
#define SOLIEU_NORMALIZERS_CODE_POINTS_H_

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "corpus/byte_scan.h"

namespace solieu {

// Letter and digit tests for ASCII bytes without the C locale's calls: most
// bytes of report text are ASCII, and these run on every one.
inline bool IsAsciiAlpha(uint32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsAsciiDigit(uint32_t c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlnum(uint32_t c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }

// The code point that starts at s[i] (c < 0 for a malformed sequence) and
// the index after it, as ICU's U8_NEXT gives them; two-byte letters (ă, đ,
// ơ, ư, á, …) and the three-byte ones of U+1000-U+1FFF (ạ, ế, ỹ, …), most
// of Vietnamese's, decoded without its general case.
inline __attribute__((always_inline)) int32_t NextCodePoint(const char* s, int32_t i, int32_t n, UChar32& c) {
  const unsigned char b = static_cast<unsigned char>(s[i]);
  if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
    c = ((b & 0x1F) << 6) | (s[i + 1] & 0x3F);
    return i + 2;
  }
  if (b == 0xE1 && i + 2 < n && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
    c = 0x1000 | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    return i + 3;
  }
  U8_NEXT(s, i, n, c);
  return i;
}

// Lower-cases the ASCII bytes of [from, end) up to the first other byte
// into `out` (which may be `from`), eight at a time, and says how many there
// were. An eight-byte step stores all eight: `out` needs room for every
// byte up to `end`.
inline __attribute__((always_inline)) int32_t LowerAsciiRun(const char* from, const char* end, char* out) {
  const char* p = from;
  for (; end - p >= 8; p += 8, out += 8) {
    const uint64_t word = byte_scan::Load8(p);
    const uint64_t lowered = byte_scan::LowerAscii(word);
    std::memcpy(out, &lowered, 8);
    const uint64_t high = byte_scan::NonAscii(word);
    if (high) return static_cast<int32_t>(p - from + byte_scan::FirstFlaggedByte(high));
  }
  for (; p < end && static_cast<unsigned char>(*p) < 0x80; ++p, ++out) {
    *out = static_cast<char>(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
  }
  return static_cast<int32_t>(p - from);
}

template <typename MapOther>
std::string MapCodePoints(std::string_view text, MapOther other) {
  // Written through a pointer into a string sized for the input: a byte
  // costs a store, not a push_back. Room is kept for every input byte still
  // to come, so only a code point whose piece is longer than its own bytes
  // can call for more.
  const char* s = text.data();
  const int32_t n = static_cast<int32_t>(text.size());
  std::string out(text.size(), '\0');
  char* w = out.data();
  char* end = w + out.size();
  int32_t i = 0;
  while (i < n) {
    const int32_t ascii = LowerAsciiRun(s + i, s + n, w);  // room: every input byte still to come
    i += ascii;
    w += ascii;
    if (i >= n) break;
    int32_t start = i;
    UChar32 c;
    i = NextCodePoint(s, i, n, c);
    char scratch[U8_MAX_LENGTH];
    std::string_view piece = other(c, std::string_view(s + start, static_cast<size_t>(i - start)), scratch);
    size_t needed = piece.size() + static_cast<size_t>(n - i);
    if (static_cast<size_t>(end - w) < needed) {
      size_t used = static_cast<size_t>(w - out.data());
      out.resize(std::max(2 * out.size(), used + needed));
      w = out.data() + used;
      end = out.data() + out.size();
    }
    for (char ch : piece) *w++ = ch;
  }
  out.resize(static_cast<size_t>(w - out.data()));
  return out;
}

}  // namespace solieu

#endif  // SOLIEU_NORMALIZERS_CODE_POINTS_H_
