// The claim model of spec/claims.md: a reported figure with its unit, metric,
// entity, period and the comparisons that relate it to a baseline.
#ifndef SOLIEU_EXTRACTORS_CLAIM_H_
#define SOLIEU_EXTRACTORS_CLAIM_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace solieu {

struct Period {
  std::string label;  // as written: "8 tháng năm 2023"
  std::string from;   // ISO date
  std::string to;
};

// A percentage relating a claim to a baseline ("bằng 107% Nghị quyết").
struct Comparison {
  uint32_t begin = 0, end = 0;          // normalized-text offsets of the percentage
  uint32_t span_begin = 0, span_end = 0;  // original-text offsets (filled by the pipeline)
  std::string text;                      // original text of the span
  double percent = 0;
  std::string kind;                      // share_of_baseline | change
  std::optional<std::string> direction;  // up | down
  std::optional<std::string> baseline;
  std::optional<std::string> baseline_kind;
  std::vector<std::string> flags;
};

struct Claim {
  uint32_t begin = 0, end = 0;            // normalized-text offsets: number, scale, unit
  uint32_t span_begin = 0, span_end = 0;  // original-text offsets (filled by the pipeline)
  std::string text;                       // original text of the span
  int sentence = -1;                      // index of its sentence in the document
  std::string number;                     // as written: "3.200", "205/207", "575,"
  double value = 0;
  std::string unit;                       // "tỷ đồng", "%", "vụ án"
  std::string dimension;                  // money, percent, mass, area, count, ...
  double base_value = 0;                  // spec: si_value (si_value is a macro in <signal.h>)
  std::string base_unit;                  // spec: si_unit
  std::optional<double> denominator;
  std::optional<std::string> qualifier;   // approx, over, under, at_least, at_most
  std::string modality = "actual";        // actual, estimate, target, plan
  bool modality_stated = false;           // a cue said so ("đã đề ra"); internal, not exported
  std::string metric;
  std::optional<std::string> indicator;
  std::optional<std::string> entity;
  std::optional<Period> period;
  std::vector<std::string> flags;
  std::vector<Comparison> comparisons;
  int part_of = -1;                       // index (in its document) of the total it is a part of
  std::string context;                    // lower-cased words between the previous figure and this one
                                          // ("kiểm tra đối với"), inherited across a bare list ", 333 …";
                                          // for indicator resolution, not exported
};

// "trồng rừng đạt 108% kế hoạch": a percentage of a baseline standing alone,
// not a rate; it belongs in no series of values.
inline bool IsShareOfBaseline(const Claim& c) {
  if (c.dimension != "percent") return false;
  for (const Comparison& k : c.comparisons) {
    if (k.baseline) return true;
  }
  return false;
}

}  // namespace solieu

#endif  // SOLIEU_EXTRACTORS_CLAIM_H_
