#include "extractors/literal_set.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>

#include "extractors/lexicon.h"
#include "extractors/text_scan.h"

namespace {

// What CleanMetric did before LiteralSet: the literals quoted into one
// alternation, longest first, and RE2::GlobalReplace.
std::string RemovedByRe2(const std::vector<std::string>& longest_first, std::string text) {
  std::string alternation;
  for (const auto& l : longest_first) alternation += (alternation.empty() ? "" : "|") + RE2::QuoteMeta(l);
  RE2 any(alternation);
  REQUIRE(any.ok());
  RE2::GlobalReplace(&text, any, "");
  return text;
}

std::string Removed(const solieu::LiteralSet& set, std::string text) {
  set.RemoveAll(&text);
  return text;
}

}  // namespace

TEST_CASE("LiteralSet takes the longest literal at the leftmost place", "[extractors]") {
  solieu::LiteralSet set;
  set.Add("thành phố");
  set.Add("thành phố bắc kạn");
  set.Add("phố bắc");
  CHECK(set.LongestAt("thành phố bắc kạn năm 2023", 0) == std::string("thành phố bắc kạn").size());
  CHECK(set.LongestAt("thành phố cao bằng", 0) == std::string("thành phố").size());
  CHECK(set.LongestAt("thành phố cao bằng", 1) == 0);
  CHECK(set.LongestAt("thành ph", 0) == 0);  // the text ends inside the literal
  // Leftmost first: "phố bắc" starts later than "thành phố", so it is not removed.
  CHECK(Removed(set, "thu ngân sách thành phố bắc cạn") == "thu ngân sách  bắc cạn");
  CHECK(Removed(set, "thu ngân sách thành phố bắc kạnh") == "thu ngân sách h");  // bytes, not words
}

TEST_CASE("LiteralSet says whether it removed anything and leaves the text alone if not", "[extractors]") {
  solieu::LiteralSet set;
  set.Add("tỉnh cao bằng");
  std::string text = "tổng vốn đầu tư toàn xã hội";
  CHECK_FALSE(set.RemoveAll(&text));
  CHECK(text == "tổng vốn đầu tư toàn xã hội");
  solieu::LiteralSet empty;
  CHECK_FALSE(empty.RemoveAll(&text));
  CHECK(empty.LongestAt(text, 0) == 0);
  text = "tỉnh cao bằngtỉnh cao bằng";
  CHECK(set.RemoveAll(&text));
  CHECK(text.empty());
}

TEST_CASE("Removing place names from metrics gives what the regular expression gave", "[extractors]") {
  auto lex = solieu::Lexicon::Load();
  REQUIRE(lex.ok());
  // The lexicon's own prefixed names, longest first, as the alternation was built.
  std::vector<std::string> names;
  for (const auto& e : (*lex)->gazetteer_lower.entries()) {
    if ((*lex)->place_prefixes.MatchAt(e.phrase, 0)) names.push_back(e.phrase);
  }
  REQUIRE(names.size() > 20);
  std::vector<std::string> phrases = {
      "thu ngân sách nhà nước trên địa bàn thành phố bắc kạn",
      "tổng sản phẩm trên địa bàn (grdp) tỉnh cao bằng năm 2022",
      "tp. bắc kạntp.bắc kạn huyện ngân sơn",
      "thành phố thành phố thái nguyên",
      "giá trị sản xuất công nghiệp thị xã",
      "huyện chợ đồn, huyện ba bể và huyện ngân sơn",
      "tỉnh",
      "",
  };
  // Every name alone, inside a phrase, glued to the next, and cut short.
  for (const auto& n : names) {
    phrases.push_back(n);
    phrases.push_back("kim ngạch xuất khẩu của " + n + " tăng");
    phrases.push_back(n + n + "x");
    phrases.push_back(n.substr(0, n.size() - 1) + " " + n);
  }
  for (const auto& p : phrases) {
    INFO(p);
    CHECK(Removed((*lex)->prefixed_places, p) == RemovedByRe2(names, p));
  }
}
