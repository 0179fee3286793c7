#include "extractors/number_parser.h"

#include <charconv>
#include <cstdlib>

namespace solieu {

std::optional<ParsedNumber> ParseVietnameseNumber(std::string_view s) {
  if (s.empty() || s.front() < '0' || s.front() > '9') return std::nullopt;
  // Split into digit groups and the separators between them.
  std::vector<std::string_view> groups;
  std::string seps;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' || c == ',') {
      if (i == start) return std::nullopt;
      groups.push_back(s.substr(start, i - start));
      seps.push_back(c);
      start = i + 1;
    } else if (c < '0' || c > '9') {
      return std::nullopt;
    }
  }
  if (start == s.size()) return std::nullopt;  // trailing separator: the caller strips it
  groups.push_back(s.substr(start));

  ParsedNumber out;
  std::string integer, fraction;
  size_t comma = seps.find(',');
  bool dots_group = true;  // every group after a dot has exactly three digits
  for (size_t i = 0; i < seps.size(); ++i) {
    if (seps[i] == '.' && groups[i + 1].size() != 3) dots_group = false;
  }
  if (seps.empty()) {
    integer = std::string(groups[0]);
  } else if (comma != std::string::npos) {
    // "1.234,5": dots before the comma group thousands; one comma, decimals after.
    if (seps.find(',', comma + 1) != std::string::npos || seps.find('.', comma) != std::string::npos) {
      // "1,234,567" (English grouping): read as thousands, flag it.
      for (auto g : groups) integer += g;
      out.flags.push_back("comma_grouping");
    } else {
      for (size_t i = 0; i <= comma; ++i) integer += groups[i];
      fraction = std::string(groups[comma + 1]);
      if (!dots_group && comma > 0) out.flags.push_back("irregular_grouping");
      if (comma == 0 && fraction.size() == 3) out.flags.push_back("comma_ambiguous");
    }
  } else if (dots_group) {
    for (auto g : groups) integer += g;
    if (groups[0].size() > 3) out.flags.push_back("irregular_grouping");
  } else if (seps.size() == 1) {
    // "108.6": a dot that cannot be grouping is a decimal point.
    integer = std::string(groups[0]);
    fraction = std::string(groups[1]);
    out.flags.push_back("dot_decimal");
  } else {
    return std::nullopt;
  }
  if (integer.size() > 1 && integer[0] == '0') out.flags.push_back("leading_zero");
  if (seps.empty() && integer.size() >= 4 && integer[0] != '0') out.flags.push_back("ungrouped");
  out.decimals = static_cast<int>(fraction.size());
  std::string canonical = integer + (fraction.empty() ? "" : "." + fraction);
  // from_chars rounds as strtod does, without its locale; strtod still
  // reads what overflows a double (to infinity, which from_chars declines).
  auto read = std::from_chars(canonical.data(), canonical.data() + canonical.size(), out.value);
  if (read.ec != std::errc() || read.ptr != canonical.data() + canonical.size()) {
    out.value = std::strtod(canonical.c_str(), nullptr);
  }
  return out;
}

}  // namespace solieu
