#include "extractors/lexicon.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>

#include "corpus/rules.h"
#include "extractors/text_scan.h"
#include "test_support.h"

TEST_CASE("Lexicon loads every table and each pattern matches its own example", "[extractors]") {
  // Load checks each non-claim and period pattern against the example beside it.
  auto lex = solieu::Lexicon::Load();
  REQUIRE(lex.ok());
  CHECK((*lex)->units.entries().size() > 40);
  CHECK((*lex)->indicators.entries().size() > 60);
  CHECK((*lex)->gazetteer.entries().size() > 63);
  for (const auto& rule : (*lex)->non_claims) CHECK(rule.pattern->ok());
}

TEST_CASE("Lexicon names the file and line of a bad rule row", "[extractors]") {
  solieu::testing::TempDir tmp;
  std::string dir = tmp.Path("extractors/data");
  std::system(("mkdir -p " + dir).c_str());
  solieu::testing::WriteFile(dir + "/non_claims.tsv", "# kind\tpattern\texample\nyear\tnăm \\d{4}\tnăm hai nghìn\n");
  solieu::SetRuleDataDir(tmp.path());
  auto lex = solieu::Lexicon::Load();
  solieu::SetRuleDataDir("");
  REQUIRE_FALSE(lex.ok());
  CHECK_THAT(lex.status().message(), Catch::Contains("extractors/data/non_claims.tsv:2") &&
                                         Catch::Contains("does not match its example"));
}

TEST_CASE("PhraseTable finds the first whole-word phrase, whatever bytes come before it", "[extractors]") {
  auto lex = solieu::Lexicon::Load();
  REQUIRE(lex.ok());
  const auto& markers = (*lex)->part_markers;
  // The scan by definition: every place that starts a word (or is not in one).
  auto reference = [&](std::string_view text) -> const void* {
    for (size_t pos = 0; pos < text.size(); ++pos) {
      if (solieu::IsWordCharAt(text, pos) && solieu::IsWordCharBefore(text, pos)) continue;
      if (const auto* e = markers.MatchAt(text, pos)) return e;
    }
    return nullptr;
  };
  std::vector<std::string> texts = {", trong đó ", "trong đó", "ngân sách, trong đó: ", "gồm", "bao gồm",
                                    "từ trong đó", "ốtrong đó", "(trong đó", "không có", ""};
  for (const auto& e : markers.entries()) {
    texts.push_back(e.phrase);
    texts.push_back("vốn ngân sách " + e.phrase + " 12 tỷ");
    texts.push_back("ố" + e.phrase);
    texts.push_back(e.phrase + "ố");
  }
  for (const auto& t : texts) {
    INFO(t);
    CHECK(static_cast<const void*>(markers.FindIn(t)) == reference(t));
  }
}
