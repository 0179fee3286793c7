// Small helpers for scanning normalized UTF-8 text by words.
#ifndef SOLIEU_EXTRACTORS_TEXT_SCAN_H_
#define SOLIEU_EXTRACTORS_TEXT_SCAN_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/byte_scan.h"
#include "normalizers/code_points.h"

namespace solieu {

// True when the code point that starts at / ends before `pos` is a letter or
// digit (or a combining mark). The scans ask this at nearly every byte, so
// ASCII is answered here and the rest from a table (see text_scan.cc).
bool IsWordCharAtSlow(std::string_view s, size_t pos);
bool IsWordCharBeforeSlow(std::string_view s, size_t pos);
inline bool IsWordCharAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  unsigned char b = s[pos];
  return b < 0x80 ? IsAsciiAlnum(b) : IsWordCharAtSlow(s, pos);
}
inline bool IsWordCharBefore(std::string_view s, size_t pos) {
  if (pos == 0 || pos > s.size()) return false;
  unsigned char b = s[pos - 1];
  return b < 0x80 ? IsAsciiAlnum(b) : IsWordCharBeforeSlow(s, pos);
}
bool IsUpperAt(std::string_view s, size_t pos);

// Lower case (ICU simple case mapping). For Vietnamese text the byte length
// does not change; LowerSameLength returns `s` unchanged if it would.
std::string Lower(std::string_view s);
std::string LowerSameLength(std::string_view s);

// Position of the first ASCII digit at or after `pos`; npos when none.
// Every sentence is searched for one before anything else: eight bytes at a
// time while none is a digit.
inline size_t FindDigit(std::string_view s, size_t pos = 0) {
  while (pos + 8 <= s.size()) {
    const uint64_t digits = byte_scan::Between(byte_scan::Load8(s.data() + pos), '0' - 1, '9' + 1);
    if (digits != 0) return pos + byte_scan::FirstFlaggedByte(digits);
    pos += 8;
  }
  for (; pos < s.size(); ++pos) {
    if (s[pos] >= '0' && s[pos] <= '9') return pos;
  }
  return std::string_view::npos;
}

// Position after skipping spaces from `pos`.
size_t SkipSpaces(std::string_view s, size_t pos);
// Start of the word that ends at `pos` (spaces before `pos` skipped first);
// `pos` itself when there is none.
size_t PreviousWordStart(std::string_view s, size_t pos);

// Trims spaces and the punctuation in `chars` from both ends.
std::string_view TrimPunct(std::string_view s, std::string_view chars = " ,;:.-");

}  // namespace solieu

#endif  // SOLIEU_EXTRACTORS_TEXT_SCAN_H_
