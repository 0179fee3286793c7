#include "corpus/byte_scan.h"

#include <catch2/catch.hpp>
#include <cstring>

using namespace solieu;

namespace {

uint64_t Word(const unsigned char (&bytes)[8]) {
  uint64_t w;
  std::memcpy(&w, bytes, 8);
  return w;
}

}  // namespace

TEST_CASE("LowerAscii lower-cases A-Z and keeps every other byte, whatever the bytes beside it", "[corpus]") {
  // Every pair of byte values, side by side at each place in the word, with
  // the rest of the word capitals and UTF-8 lead and continuation bytes: a
  // borrow or carry between bytes, or a flag on a byte of 0x80 or more,
  // would change a neighbour.
  size_t wrong = 0;
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      for (int at = 0; at < 7; ++at) {
        unsigned char in[8] = {'Z', 0xE1, 0xBA, 'A', 0xA0, '@', 'T', 0xC3};
        in[at] = static_cast<unsigned char>(a);
        in[at + 1] = static_cast<unsigned char>(b);
        unsigned char want[8];
        for (int k = 0; k < 8; ++k) want[k] = in[k] >= 'A' && in[k] <= 'Z' ? in[k] + 32 : in[k];
        wrong += byte_scan::LowerAscii(Word(in)) != Word(want);
      }
    }
  }
  CHECK(wrong == 0);
}
