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
