#include "extractors/number_parser.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <string>

using solieu::ParseVietnameseNumber;

TEST_CASE("NumberParser reads a dot as a thousands separator and a comma as decimals", "[extractors]") {
  struct Case { const char* in; double value; int decimals; };
  const Case cases[] = {
      {"3.200", 3200, 0}, {"1.904", 1904, 0}, {"135,33", 135.33, 2}, {"100,002", 100.002, 3},
      {"1.234.567", 1234567, 0}, {"1.234,5", 1234.5, 1}, {"44,9", 44.9, 1}, {"7", 7, 0},
  };
  for (const Case& c : cases) {
    auto n = ParseVietnameseNumber(c.in);
    REQUIRE(n);
    CHECK(n->value == Approx(c.value));
    CHECK(n->decimals == c.decimals);
  }
}

TEST_CASE("NumberParser keeps the best reading of irregular numbers and flags them", "[extractors]") {
  struct Case { const char* in; double value; const char* flag; };
  const Case cases[] = {
      {"108.6", 108.6, "dot_decimal"},   // a dot that cannot be grouping
      {"1991", 1991, "ungrouped"},       // "1991 tỷ"
      {"07", 7, "leading_zero"},         // "07 xã"
      {"1,500", 1.5, "comma_ambiguous"}, // decimal here, 1500 in English
      {"1,234,567", 1234567, "comma_grouping"},
  };
  for (const Case& c : cases) {
    auto n = ParseVietnameseNumber(c.in);
    REQUIRE(n);
    CHECK(n->value == Approx(c.value));
    CHECK_THAT(n->flags, Catch::VectorContains(std::string(c.flag)));
  }
}

TEST_CASE("NumberParser refuses what is not a number", "[extractors]") {
  CHECK_FALSE(ParseVietnameseNumber(""));
  CHECK_FALSE(ParseVietnameseNumber("575,"));  // the extractor strips and flags the stray comma
  CHECK_FALSE(ParseVietnameseNumber("1..2"));
  CHECK_FALSE(ParseVietnameseNumber("12.34.5"));
  CHECK_FALSE(ParseVietnameseNumber("ab"));
}

TEST_CASE("NumberParser reads values exactly as strtod does, and one too large for a double as infinity", "[extractors]") {
  for (const char* in : {"3.200", "135,33", "0,1", "1.234.567,891", "2,999999999999999999", "108.6", "9.007.199.254.740.993"}) {
    auto n = ParseVietnameseNumber(in);
    REQUIRE(n);
    std::string canonical;
    for (const char* p = in; *p; ++p) {
      if (*p == ',') canonical += '.';
      else if (*p != '.' || std::string(in) == "108.6") canonical += *p;
    }
    INFO(in);
    CHECK(n->value == std::strtod(canonical.c_str(), nullptr));
  }
  auto huge = ParseVietnameseNumber(std::string(400, '9'));
  REQUIRE(huge);
  CHECK(std::isinf(huge->value));
}
