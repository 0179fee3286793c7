#include "corpus/utf8.h"

#include <cstdint>
#include <cstring>
#include <algorithm>
#include <string>

#include "corpus/byte_scan.h"

namespace solieu {

size_t FindInvalidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  auto cont = [&](size_t k) { return (p[k] & 0xC0) == 0x80; };
  while (i < n) {
    // Every document passes here twice (its line, then its text): eight
    // ASCII bytes at a time where it can, each sequence checked inline.
    if (i + 8 <= n) {
      const uint64_t high = byte_scan::NonAscii(byte_scan::Load8(s.data() + i));
      if (high == 0) {
        i += 8;
        continue;
      }
      i += byte_scan::FirstFlaggedByte(high);  // on to the first non-ASCII byte
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
    } else if (c >= 0xC2 && c <= 0xDF) {
      if (i + 2 > n || !cont(i + 1)) return i;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (i + 3 > n || !cont(i + 1) || !cont(i + 2)) return i;
      if ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] >= 0xA0)) return i;  // overlong; surrogate
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (i + 4 > n || !cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return i;
      if ((c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] >= 0x90)) return i;  // overlong; past U+10FFFF
      i += 4;
    } else {
      return i;
    }
  }
  return std::string_view::npos;
}

bool LooksBinary(std::string_view s, size_t* at) {
  const void* nul = std::memchr(s.data(), '\0', s.size());
  if (!nul) return false;
  if (at) *at = static_cast<const char*>(nul) - s.data();
  return true;
}

}  // namespace solieu
