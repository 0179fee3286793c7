#include "pipeline/tolerance.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "corpus/rules.h"

namespace solieu {

Interval operator+(const Interval& a, const Interval& b) { return {a.lo + b.lo, a.hi + b.hi}; }
Interval operator*(const Interval& a, double k) { return {a.lo * k, a.hi * k}; }
Interval operator*(const Interval& a, const Interval& b) { return {a.lo * b.lo, a.hi * b.hi}; }
Interval operator/(const Interval& a, const Interval& b) {
  return {b.hi > 0 ? a.lo / b.hi : 0, b.lo > 0 ? a.hi / b.lo : INFINITY};
}

int WrittenDecimals(std::string_view number, bool dot_decimal) {
  size_t end = number.size();
  while (end > 0 && !std::isdigit(static_cast<unsigned char>(number[end - 1]))) --end;  // "575," → "575"
  number = number.substr(0, end);
  size_t sep = number.rfind(',');
  if (sep == std::string_view::npos && dot_decimal) sep = number.rfind('.');
  if (sep == std::string_view::npos) return 0;
  return static_cast<int>(number.size() - sep - 1);
}

std::string FormatNumber(double v, int max_decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, std::fabs(v));
  std::string digits(buf), integer = digits, fraction;
  if (size_t dot = digits.find('.'); dot != std::string::npos) {
    integer = digits.substr(0, dot);
    fraction = digits.substr(dot + 1);
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  }
  std::string grouped;
  for (size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped += '.';
    grouped += integer[i];
  }
  return (v < 0 ? "-" : "") + grouped + (fraction.empty() ? "" : "," + fraction);
}

StatusOr<Tolerances> Tolerances::Load() {
  auto rows = ReadTsvRules("pipeline/data/tolerances.tsv", 3);
  if (!rows.ok()) return rows.status();
  Tolerances t;
  for (const TsvRow& r : *rows) {
    try {
      t.widen_[r.fields[0]] = {std::stod(r.fields[1]), std::stod(r.fields[2])};
    } catch (const std::exception&) {
      return Status::Corrupt(r.where + ": below and above must be numbers");
    }
  }
  return t;
}

Interval Tolerances::Reported(double value, std::string_view number, bool dot_decimal,
                              const std::optional<std::string>& qualifier) const {
  double half = 0.5 * std::pow(10.0, -WrittenDecimals(number, dot_decimal));
  double below = half, above = half;
  if (qualifier) {
    if (auto it = widen_.find(*qualifier); it != widen_.end()) {
      below = std::max(below, it->second.first * std::fabs(value));
      above = std::max(above, it->second.second * std::fabs(value));
    }
  }
  return {value - below, value + above};
}

StatusOr<Explanations> Explanations::Load() {
  auto rows = ReadTsvRules("pipeline/data/findings.tsv", 3);
  if (!rows.ok()) return rows.status();
  Explanations e;
  for (const TsvRow& r : *rows) e.templates_[r.fields[0]] = {r.fields[1], r.fields[2]};
  return e;
}

std::pair<std::string, std::string> Explanations::Render(const std::string& key,
                                                         const std::map<std::string, std::string>& values) const {
  auto it = templates_.find(key);
  if (it == templates_.end()) throw std::logic_error("no explanation template for " + key);
  auto fill = [&](std::string t) {
    for (const auto& [name, value] : values) {
      std::string slot = "{" + name + "}";
      for (size_t at = t.find(slot); at != std::string::npos; at = t.find(slot, at + value.size())) {
        t.replace(at, slot.size(), value);
      }
    }
    return t;
  };
  return {fill(it->second.first), fill(it->second.second)};
}

}  // namespace solieu
