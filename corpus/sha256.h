// SHA-256 (FIPS 180-4), for content hashes and document ids.
#ifndef SOLIEU_CORPUS_SHA256_H_
#define SOLIEU_CORPUS_SHA256_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace solieu {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view data);
  std::array<uint8_t, 32> Finish();

 private:
  uint32_t h_[8];
  uint8_t buf_[64];
  size_t buf_len_ = 0;
  uint64_t total_ = 0;
};

// The compression function over `blocks` 64-byte blocks: with the CPU's SHA
// instructions when it has them (x86 SHA-NI, several times faster: every
// document is hashed before anything else), else portable code. Exposed so
// that tests can check both paths agree.
void Sha256Blocks(uint32_t state[8], const uint8_t* p, size_t blocks, bool allow_hardware = true);
bool Sha256HardwareAvailable();

// Lower-case hex digest of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace solieu

#endif  // SOLIEU_CORPUS_SHA256_H_
