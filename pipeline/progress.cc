#include "pipeline/progress.h"

namespace solieu {

Progress::Progress(bool enabled, uint64_t total_bytes, std::FILE* out)
    : enabled_(enabled), total_(total_bytes), out_(out), start_(std::chrono::steady_clock::now()), last_(start_) {}

bool Progress::Due() {
  if (!enabled_) return false;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return false;
  last_ = now;
  drawn_ = true;
  return true;
}

void Progress::Eta(double done, double total, char* out, size_t size) const {
  out[0] = '\0';
  double secs = std::chrono::duration<double>(last_ - start_).count();
  if (total <= done || done <= 0 || secs <= 0) return;
  double left = (total - done) * secs / done;
  std::snprintf(out, size, "  ETA %dm%02ds", static_cast<int>(left) / 60, static_cast<int>(left) % 60);
}

void Progress::Update(uint64_t documents, uint64_t bytes, uint64_t claims) {
  if (!Due()) return;
  double secs = std::chrono::duration<double>(last_ - start_).count();
  double mb = bytes / 1e6;
  char eta[32];
  Eta(static_cast<double>(bytes), static_cast<double>(total_), eta, sizeof eta);
  std::fprintf(out_, "\r\033[K%llu documents  %.1f MB  %.1f MB/s  %llu claims%s",
               static_cast<unsigned long long>(documents), mb, secs > 0 ? mb / secs : 0.0,
               static_cast<unsigned long long>(claims), eta);
  std::fflush(out_);
}

void Progress::Count(uint64_t done, uint64_t total, const char* what, bool with_eta) {
  if (!Due()) return;
  char eta[32] = "";
  if (with_eta) Eta(static_cast<double>(done), static_cast<double>(total), eta, sizeof eta);
  std::fprintf(out_, "\r\033[K%llu/%llu %s%s", static_cast<unsigned long long>(done),
               static_cast<unsigned long long>(total), what, eta);
  std::fflush(out_);
}

void Progress::Finish() {
  if (enabled_ && drawn_) {
    std::fprintf(out_, "\r\033[K");
    std::fflush(out_);
  }
  drawn_ = false;  // nothing on screen: the next line is drawn at once
}

}  // namespace solieu
