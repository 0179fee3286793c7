#include "pipeline/progress.h"

#include <cstdio>

namespace solieu {

Progress::Progress(bool enabled, uint64_t total_bytes)
    : enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::Update(uint64_t documents, uint64_t bytes, uint64_t claims) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  double secs = std::chrono::duration<double>(now - start_).count();
  double mb = bytes / 1e6;
  double rate = secs > 0 ? mb / secs : 0;
  char eta[32] = "";
  if (total_ > bytes && rate > 0) {
    double left = (total_ - bytes) / 1e6 / rate;
    std::snprintf(eta, sizeof eta, "  ETA %dm%02ds", static_cast<int>(left) / 60, static_cast<int>(left) % 60);
  }
  std::fprintf(stderr, "\r\033[K%llu documents  %.1f MB  %.1f MB/s  %llu claims%s",
               static_cast<unsigned long long>(documents), mb, rate, static_cast<unsigned long long>(claims), eta);
  std::fflush(stderr);
}

void Progress::Finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace solieu
