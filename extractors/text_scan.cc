#include "extractors/text_scan.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstring>

namespace solieu {

namespace {

// ICU's answers for every code point below U+2000 (Latin with all of
// Vietnamese's letters, Greek, Cyrillic, combining marks), asked once at
// start-up: a lookup instead of two property calls per character scanned.
constexpr UChar32 kTableEnd = 0x2000;

struct CodePointTables {
  bool word[kTableEnd];
  bool upper[kTableEnd];
  UChar32 lower[kTableEnd];
  CodePointTables() {
    for (UChar32 c = 0; c < kTableEnd; ++c) {
      word[c] = u_isalnum(c) || u_getCombiningClass(c) != 0;
      upper[c] = u_isupper(c);
      lower[c] = u_tolower(c);
    }
  }
};
// Built before main (no static initializer scans text), so the lookups
// need no first-use guard.
const CodePointTables kTables;

inline bool IsWordCodePoint(UChar32 c) {
  if (c < 0) return false;
  return c < kTableEnd ? kTables.word[c] : (u_isalnum(c) || u_getCombiningClass(c) != 0);
}

inline UChar32 LowerCodePoint(UChar32 c) { return c < kTableEnd ? kTables.lower[c] : u_tolower(c); }

}  // namespace

bool IsWordCharAtSlow(std::string_view s, size_t pos) {
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return IsWordCodePoint(c);
}

bool IsWordCharBeforeSlow(std::string_view s, size_t pos) {
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  return IsWordCodePoint(c);
}

bool IsUpperAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  unsigned char b = static_cast<unsigned char>(s[pos]);
  if (b < 0x80) return b >= 'A' && b <= 'Z';
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  if (c < 0) return false;
  return c < kTableEnd ? kTables.upper[c] : u_isupper(c);
}

namespace {

// Lower case written over a copy of the text, for the common case: ASCII
// eight bytes at a time, and letters whose lower case takes as many bytes
// (all of Vietnamese's). False where that cannot be (a malformed sequence,
// a lower case of another length): the caller then maps the text afresh.
bool LowerInPlace(std::string* text) {
  char* s = text->data();
  const int32_t n = static_cast<int32_t>(text->size());
  int32_t i = 0;
  while (i < n) {
    i += LowerAsciiRun(s + i, s + n, s + i);
    if (i >= n) break;
    int32_t start = i;
    UChar32 c;
    i = NextCodePoint(s, i, n, c);
    if (c < 0) return false;
    UChar32 lower = LowerCodePoint(c);
    if (lower == c) continue;
    if (U8_LENGTH(lower) != i - start) return false;
    U8_APPEND_UNSAFE(s, start, lower);
  }
  return true;
}

// With ICU's simple case mapping, code point by code point: Vietnamese has
// no special casing. What LowerInPlace cannot do.
std::string LowerByCodePoint(std::string_view s) {
  return MapCodePoints(s, [](UChar32 c, std::string_view bytes, char* scratch) {
    if (c < 0) return bytes;  // malformed: kept as is
    UChar32 lower = LowerCodePoint(c);
    if (lower == c) return bytes;  // most letters of a sentence: already lower case
    int32_t len = 0;
    U8_APPEND_UNSAFE(scratch, len, lower);
    return std::string_view(scratch, static_cast<size_t>(len));
  });
}

}  // namespace

std::string Lower(std::string_view s) {
  std::string out(s);
  return LowerInPlace(&out) ? out : LowerByCodePoint(s);
}

std::string LowerSameLength(std::string_view s) {
  std::string out(s);
  if (LowerInPlace(&out)) return out;
  out = LowerByCodePoint(s);
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
