#include "corpus/sha256.h"

#include <catch2/catch.hpp>

using solieu::Sha256Hex;

TEST_CASE("Sha256 matches the FIPS 180-4 test vectors", "[corpus]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  std::string million(1000000, 'a');
  CHECK(Sha256Hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("Sha256 gives the same digest however the input is split", "[corpus]") {
  std::string text = "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ đạt 3.200 tỷ đồng";
  for (size_t cut = 0; cut <= text.size(); cut += 7) {
    solieu::Sha256 h;
    h.Update(text.substr(0, cut));
    h.Update(text.substr(cut));
    auto d = h.Finish();
    static const char* kHex = "0123456789abcdef";
    std::string hex;
    for (uint8_t b : d) { hex += kHex[b >> 4]; hex += kHex[b & 15]; }
    CHECK(hex == Sha256Hex(text));
  }
}

TEST_CASE("Sha256 gives the same state with the CPU's SHA instructions as without", "[corpus]") {
  if (!solieu::Sha256HardwareAvailable()) {
    WARN("SKIPPED: this CPU has no SHA instructions; only the portable path runs");
    return;
  }
  // Report-shaped bytes, 97 blocks, compressed from the initial state both ways.
  std::string text;
  for (int i = 0; text.size() < 97 * 64; ++i) {
    text += "Thu ngân sách năm " + std::to_string(2015 + i % 9) + " đạt " + std::to_string(1000 + 37 * i) + " tỷ đồng. ";
  }
  text.resize(97 * 64);
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t blocks : {size_t{1}, size_t{2}, size_t{97}}) {
    uint32_t hw[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    uint32_t sw[8];
    std::copy(hw, hw + 8, sw);
    solieu::Sha256Blocks(hw, p, blocks, true);
    solieu::Sha256Blocks(sw, p, blocks, false);
    CHECK(std::equal(hw, hw + 8, sw));
  }
}
