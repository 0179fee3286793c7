// Progress: one status line (documents, MB, MB/s, claims, ETA; or a count of
// things done out of a total, with ETA), redrawn at most ten times a second
// on stderr; silent unless enabled (the CLI enables it on a terminal or with
// --progress).
#ifndef SOLIEU_PIPELINE_PROGRESS_H_
#define SOLIEU_PIPELINE_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace solieu {

class Progress {
 public:
  Progress(bool enabled, uint64_t total_bytes, std::FILE* out = stderr);  // total 0: unknown, no ETA
  void Update(uint64_t documents, uint64_t bytes, uint64_t claims);
  // "1234/14344 documents checked  ETA 0m12s": `what` after the numbers;
  // no ETA when the things counted differ too much in cost to predict one.
  void Count(uint64_t done, uint64_t total, const char* what, bool with_eta = true);
  void Finish();  // clears the line; the next update draws at once

 private:
  bool Due();  // enabled, and the line not redrawn in the last tenth of a second
  // "  ETA 1m05s" when `done` of `total` is known and under way, else "".
  void Eta(double done, double total, char* out, size_t size) const;

  bool enabled_;
  uint64_t total_;
  std::FILE* out_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_PROGRESS_H_
