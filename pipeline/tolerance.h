// Tolerance: a reported figure as the interval of values it can stand for.
// "65,9%" is 65,85..65,95 (half a unit of its last written digit); "khoảng
// 2.400 tỷ" is wider still (pipeline/data/tolerances.tsv). Checks do their
// arithmetic on intervals, so the rounding of every operand is carried into
// the tolerance of the result.
#ifndef SOLIEU_PIPELINE_TOLERANCE_H_
#define SOLIEU_PIPELINE_TOLERANCE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/status.h"

namespace solieu {

struct Interval {
  double lo = 0, hi = 0;
  static Interval Exact(double v) { return {v, v}; }
  double mid() const { return (lo + hi) / 2; }
  double half() const { return (hi - lo) / 2; }
  bool Contains(double v) const { return v >= lo - 1e-9 && v <= hi + 1e-9; }
  bool Overlaps(const Interval& o) const { return lo <= o.hi + 1e-9 && o.lo <= hi + 1e-9; }
};
Interval operator+(const Interval& a, const Interval& b);
Interval operator*(const Interval& a, double k);  // k > 0
Interval operator*(const Interval& a, const Interval& b);  // both positive
Interval operator/(const Interval& a, const Interval& b);  // both positive

// Digits after the decimal separator of a number as written: "65,9" → 1,
// "3.200" → 0, "108.6" read with a dot decimal → 1.
int WrittenDecimals(std::string_view number, bool dot_decimal);

// A number in Vietnamese notation: 1.925 / 3.642,5 / 99,03.
std::string FormatNumber(double v, int max_decimals = 2);

class Tolerances {
 public:
  static StatusOr<Tolerances> Load();
  // The interval a figure can stand for: `value` written as `number`
  // (its precision), widened for its qualifier (khoảng, hơn, dưới …).
  Interval Reported(double value, std::string_view number, bool dot_decimal,
                    const std::optional<std::string>& qualifier) const;

 private:
  std::map<std::string, std::pair<double, double>> widen_;  // qualifier → (below, above), relative
};

// The one-line explanations of findings (pipeline/data/findings.tsv), in
// English and Vietnamese, with {name} placeholders filled in.
class Explanations {
 public:
  static StatusOr<Explanations> Load();
  // (English, Vietnamese) for `key`; a missing key is a bug in the caller.
  std::pair<std::string, std::string> Render(const std::string& key,
                                             const std::map<std::string, std::string>& values) const;

 private:
  std::map<std::string, std::pair<std::string, std::string>> templates_;
};

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_TOLERANCE_H_
