// Eight bytes at a time: the tests that let the hot scans (UTF-8 checks,
// JSON strings in and out, the search for a digit) step over the common
// case, from Bit Twiddling Hacks ("determine if a word has a byte less
// than n / between m and n / equal to b"). Each says whether some byte of
// the word qualifies, never wrongly that none does; FirstFlaggedByte then
// names the lowest-addressed byte flagged, which is exact too, since the
// tests' stray bits only ever sit above a byte that truly qualifies.
#ifndef SOLIEU_CORPUS_BYTE_SCAN_H_
#define SOLIEU_CORPUS_BYTE_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace solieu::byte_scan {

constexpr uint64_t kOnes = ~uint64_t{0} / 255;
constexpr uint64_t kHigh = kOnes * 0x80;

inline uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Each returns the word with the high bit set in flagged bytes (0: none).
inline uint64_t NonAscii(uint64_t w) { return w & kHigh; }
inline uint64_t Below(uint64_t w, unsigned n) { return (w - kOnes * n) & ~w & kHigh; }  // n <= 128
inline uint64_t Equal(uint64_t w, unsigned char b) {
  const uint64_t x = w ^ (kOnes * b);
  return (x - kOnes) & ~x & kHigh;
}
inline uint64_t Between(uint64_t w, unsigned lo, unsigned hi) {  // lo < byte < hi; lo <= 127, hi <= 128
  const uint64_t low = w & (kOnes * 127);
  return (kOnes * (127 + hi) - low) & ~w & (low + kOnes * (127 - lo)) & kHigh;
}

// The word with its bytes A-Z lower-cased and every other byte, ASCII or
// not, as it was: for these bounds Between borrows and carries nothing from
// byte to byte and flags no byte of 0x80 or more, so it is exact for each
// byte, and each flag bit 0x80 moves to 0x20.
inline uint64_t LowerAscii(uint64_t w) { return w | Between(w, 'A' - 1, 'Z' + 1) >> 2; }

// A byte that ends a run of plain JSON string text: a control character,
// a quote or a backslash (what a writer escapes and a reader stops at).
inline uint64_t JsonSpecial(uint64_t w) { return Below(w, 0x20) | Equal(w, '"') | Equal(w, '\\'); }

// Offset in the word of the first flagged byte; `flags` must be non-zero.
inline size_t FirstFlaggedByte(uint64_t flags) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return static_cast<size_t>(__builtin_clzll(flags)) / 8;
#else
  return static_cast<size_t>(__builtin_ctzll(flags)) / 8;
#endif
}

// Sixteen bytes at a time, with GCC and Clang vectors (SSE2 on x86-64,
// NEON on ARM): for scans whose common case is a whole block passed.
typedef uint8_t Block16 __attribute__((vector_size(16)));

inline Block16 Load16(const void* p) {
  Block16 b;
  std::memcpy(&b, p, 16);
  return b;
}

inline bool AnyFlagged(Block16 flags) {
  uint64_t halves[2];
  std::memcpy(halves, &flags, 16);
  return (halves[0] | halves[1]) != 0;
}

}  // namespace solieu::byte_scan

#endif  // SOLIEU_CORPUS_BYTE_SCAN_H_
