#include "extractors/text_scan.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "normalizers/code_points.h"

namespace solieu {

bool IsWordCharAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  unsigned char b = s[pos];
  if (b < 0x80) return IsAsciiAlnum(b);
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && (u_isalnum(c) || u_getCombiningClass(c) != 0);
}

bool IsWordCharBefore(std::string_view s, size_t pos) {
  if (pos == 0 || pos > s.size()) return false;
  unsigned char b = s[pos - 1];
  if (b < 0x80) return IsAsciiAlnum(b);
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  return c >= 0 && (u_isalnum(c) || u_getCombiningClass(c) != 0);
}

bool IsUpperAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && u_isupper(c);
}

// With ICU's simple case mapping, code point by code point: Vietnamese has
// no special casing.
std::string Lower(std::string_view s) {
  return MapCodePoints(s, [](UChar32 c, std::string_view bytes, std::string* out) {
    if (c < 0) {  // malformed: kept as is
      out->append(bytes);
      return;
    }
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, u_tolower(c));
    out->append(buf, len);
  });
}

std::string LowerSameLength(std::string_view s) {
  std::string out = Lower(s);
  return out.size() == s.size() ? out : std::string(s);
}

size_t SkipSpaces(std::string_view s, size_t pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  return pos;
}

size_t PreviousWordStart(std::string_view s, size_t pos) {
  size_t p = pos;
  while (p > 0 && s[p - 1] == ' ') --p;
  size_t end = p;
  while (p > 0 && IsWordCharBefore(s, p)) {
    int32_t i = static_cast<int32_t>(p);
    UChar32 c;
    U8_PREV(s.data(), 0, i, c);
    p = static_cast<size_t>(i);
  }
  return p == end ? pos : p;
}

std::string_view TrimPunct(std::string_view s, std::string_view chars) {
  while (!s.empty() && chars.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

}  // namespace solieu
