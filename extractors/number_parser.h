// NumberParser: reads a number as Vietnamese writes it.
//
// "." groups thousands and "," marks decimals (3.200 = 3200, 135,33 =
// 135.33). Real text breaks the rule; the parser keeps the best reading and
// says what it saw in `flags`: dot_decimal (108.6), ungrouped (1991),
// leading_zero (07), comma_ambiguous (1,500: decimal here, thousands in English).
#ifndef SOLIEU_EXTRACTORS_NUMBER_PARSER_H_
#define SOLIEU_EXTRACTORS_NUMBER_PARSER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace solieu {

struct ParsedNumber {
  double value = 0;
  int decimals = 0;  // digits after the decimal mark, for tolerances
  std::vector<std::string> flags;
};

// `written` holds digits, '.' and ',' only (no fraction slash). Returns
// nothing for text that is not a number.
std::optional<ParsedNumber> ParseVietnameseNumber(std::string_view written);

}  // namespace solieu

#endif  // SOLIEU_EXTRACTORS_NUMBER_PARSER_H_
