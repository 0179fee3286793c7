// Finding: what a cross-check concluded about some claims (spec/claims.md,
// "Cross-check findings"), as `solieu check` stores and prints it.
#ifndef SOLIEU_SCHEMA_FINDING_H_
#define SOLIEU_SCHEMA_FINDING_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace solieu {

// A claim a finding involves, or one of its comparisons.
struct FindingClaim {
  std::string claim_id, doc_id, source;
  uint32_t span_begin = 0, span_end = 0;  // the comparison's span where a comparison is what is checked
  std::string text;                       // the figure as written ("1.850 doanh nghiệp", "96,5%")
  double value = 0;
  std::string unit;
  std::optional<int> comparison;          // index of the comparison checked, if any
  std::string role;                       // total, part, share, fraction, value, baseline, plan, ...
  std::string sentence;                   // the normalized sentence it stands in
};

struct Finding {
  std::string kind;      // fraction_percent, shares_sum, parts_total, cross_source_conflict,
                         // cross_source_confirmation, implied_baseline, stated_change, broken_number
  std::string severity;  // info, warning, error
  std::vector<FindingClaim> claims;
  std::optional<double> expected, observed, tolerance;
  std::string arithmetic;      // "1.020 + 905 = 1.925 > 1.850 ± 1,5"
  std::string explanation;     // one line, English
  std::string explanation_vi;  // one line, Vietnamese
};

// Where a finding sorts among the findings of one check: compared key by
// key, ties kept in the order found (pipeline/check.h gives the keys).
using FindingPlace = std::array<int64_t, 4>;

// info < warning < error; -1 for anything else.
inline int SeverityRank(const std::string& s) { return s == "info" ? 0 : s == "warning" ? 1 : s == "error" ? 2 : -1; }

}  // namespace solieu

#endif  // SOLIEU_SCHEMA_FINDING_H_
