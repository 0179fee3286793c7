// Progress: one status line on stderr (documents, MB, MB/s, claims, ETA),
// redrawn at most ten times a second; silent unless enabled (the CLI enables
// it on a terminal or with --progress).
#ifndef SOLIEU_PIPELINE_PROGRESS_H_
#define SOLIEU_PIPELINE_PROGRESS_H_

#include <chrono>
#include <cstdint>

namespace solieu {

class Progress {
 public:
  Progress(bool enabled, uint64_t total_bytes);  // total 0: unknown, no ETA
  void Update(uint64_t documents, uint64_t bytes, uint64_t claims);
  void Finish();  // clears the line

 private:
  bool enabled_;
  uint64_t total_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_PROGRESS_H_
