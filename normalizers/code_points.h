// Code point tests shared by the scans of the normalizers and extractors.
#ifndef SOLIEU_NORMALIZERS_CODE_POINTS_H_
#define SOLIEU_NORMALIZERS_CODE_POINTS_H_

#include <cstdint>

namespace solieu {

// Letter and digit tests for ASCII bytes without the C locale's calls: most
// bytes of report text are ASCII, and these run on every one.
inline bool IsAsciiAlpha(uint32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsAsciiAlnum(uint32_t c) { return (c >= '0' && c <= '9') || IsAsciiAlpha(c); }

}  // namespace solieu

#endif  // SOLIEU_NORMALIZERS_CODE_POINTS_H_
