// MapCodePoints: the shared loop of Lower (extractors/text_scan.h) and Fold
// (normalizers/folding.h); and ASCII letter tests for the scans. ASCII
// bytes, most of report text, are lower-cased in place without ICU; every
// other code point goes to `other(c, bytes, &out)`, which appends what it
// becomes (c < 0 for a malformed sequence, `bytes` its original bytes).
#ifndef SOLIEU_NORMALIZERS_CODE_POINTS_H_
#define SOLIEU_NORMALIZERS_CODE_POINTS_H_

#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace solieu {

// Letter and digit tests for ASCII bytes without the C locale's calls: most
// bytes of report text are ASCII, and these run on every one.
inline bool IsAsciiAlpha(uint32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsAsciiAlnum(uint32_t c) { return (c >= '0' && c <= '9') || IsAsciiAlpha(c); }

template <typename AppendOther>
std::string MapCodePoints(std::string_view text, AppendOther other) {
  std::string out;
  out.reserve(text.size());
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    unsigned char b = text[i];
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    other(c, text.substr(start, i - start), &out);
  }
  return out;
}

}  // namespace solieu

#endif  // SOLIEU_NORMALIZERS_CODE_POINTS_H_
