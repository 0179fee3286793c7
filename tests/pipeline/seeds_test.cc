// End-to-end checks on the five real articles in ../shared/seeds.
#include <dirent.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "test_support.h"

using namespace solieu;
using solieu::testing::AnalyzeText;
using solieu::testing::ReadFile;
using solieu::testing::SeedsDir;

namespace {

AnalyzedDocument Seed(const std::string& prefix) {
  std::string dir = SeedsDir();
  DIR* d = opendir(dir.c_str());
  REQUIRE(d);
  std::string name;
  while (dirent* e = readdir(d)) {
    if (std::string(e->d_name).rfind(prefix, 0) == 0) name = e->d_name;
  }
  closedir(d);
  REQUIRE(!name.empty());
  return AnalyzeText(ReadFile(dir + "/" + name), dir + "/" + name);
}

const Claim* FindClaim(const AnalyzedDocument& a, const std::string& text) {
  for (const Claim& c : a.claims) if (c.text == text) return &c;
  return nullptr;
}

#define SKIP_WITHOUT_SEEDS()                                                    \
  if (SeedsDir().empty()) {                                                     \
    WARN("../shared/seeds is absent beside the checkout: seed tests skipped");  \
    return;                                                                     \
  }

}  // namespace

TEST_CASE("Seeds: both 2020 articles report 3.200 tỷ đồng retail sales at 107% of the target", "[seeds]") {
  SKIP_WITHOUT_SEEDS();
  for (const char* prefix : {"000_", "001_"}) {
    INFO(prefix);
    auto a = Seed(prefix);
    const Claim* c = FindClaim(a, "3.200 tỷ đồng");
    REQUIRE(c);
    CHECK(c->value == 3200);
    CHECK(c->base_value == Approx(3.2e12));
    CHECK(c->indicator == std::optional<std::string>("retail_sales"));
    CHECK(c->entity == std::optional<std::string>("thành phố Bắc Kạn"));
    auto it = std::find_if(c->comparisons.begin(), c->comparisons.end(),
                           [](const Comparison& m) { return m.text == "107%"; });
    REQUIRE(it != c->comparisons.end());
    CHECK(it->kind == "share_of_baseline");
    CHECK(it->baseline_kind == std::optional<std::string>("target"));
    CHECK(a.doc.text.substr(it->span_begin, it->span_end - it->span_begin) == "107%");
  }
}

TEST_CASE("Seeds: 205/207 vụ án carries its 99%", "[seeds]") {
  SKIP_WITHOUT_SEEDS();
  auto a = Seed("000_");
  const Claim* c = FindClaim(a, "205/207 vụ án");
  REQUIRE(c);
  CHECK(c->value == 205);
  CHECK(c->denominator == std::optional<double>(207));
  REQUIRE(c->comparisons.size() == 1);
  CHECK(c->comparisons[0].text == "99%");
  CHECK(c->comparisons[0].percent == 99);
}

TEST_CASE("Seeds: 575, tỷ đồng is kept and flagged broken_number", "[seeds]") {
  SKIP_WITHOUT_SEEDS();
  auto a = Seed("002_");
  const Claim* c = FindClaim(a, "575, tỷ đồng");
  REQUIRE(c);
  CHECK(c->value == 575);
  CHECK(c->indicator == std::optional<std::string>("industrial_output"));
  CHECK_THAT(c->flags, Catch::VectorContains(std::string("broken_number")));
}

TEST_CASE("Seeds: 108.6% is read as 108.6 and flagged dot_decimal", "[seeds]") {
  SKIP_WITHOUT_SEEDS();
  auto a = Seed("003_");
  const Comparison* found = nullptr;
  for (const Claim& c : a.claims) {
    for (const Comparison& m : c.comparisons) if (m.text == "108.6%") found = &m;
    CHECK(c.text != "108.6%");  // a comparison, not a claim of its own
  }
  REQUIRE(found);
  CHECK(found->percent == Approx(108.6));
  CHECK_THAT(found->flags, Catch::VectorContains(std::string("dot_decimal")));
}

TEST_CASE("Seeds: document numbers, dates, ordinals and grades are not claims", "[seeds]") {
  SKIP_WITHOUT_SEEDS();
  struct Case { const char* prefix; const char* text; };
  const Case cases[] = {{"002_", "29-NQ/TU"}, {"004_", "29-NQ/TU"}, {"004_", "25/10/2022"},
                        {"002_", "lần thứ VII"}, {"004_", "mức độ 1"}, {"002_", "mức độ 1"},
                        {"001_", "05-CT/TW"}, {"001_", "Trung ương 4"}, {"001_", "mức độ 3"}};
  for (const Case& k : cases) {
    INFO(k.prefix << " " << k.text);
    auto a = Seed(k.prefix);
    size_t at = a.doc.text.find(k.text);
    REQUIRE(at != std::string::npos);
    size_t end = at + std::string(k.text).size();
    for (const Claim& c : a.claims) {
      CHECK((c.span_end <= at || c.span_begin >= end));
      for (const Comparison& m : c.comparisons) CHECK((m.span_end <= at || m.span_begin >= end));
    }
  }
}

TEST_CASE("Seeds: every claim's span cuts exactly its text out of the original bytes", "[seeds]") {
  SKIP_WITHOUT_SEEDS();
  for (const char* prefix : {"000_", "001_", "002_", "003_", "004_"}) {
    auto a = Seed(prefix);
    CHECK(a.claims.size() >= 10);
    for (const Claim& c : a.claims) {
      INFO(prefix << " " << c.text);
      REQUIRE(c.span_end <= a.doc.text.size());
      CHECK(a.doc.text.substr(c.span_begin, c.span_end - c.span_begin) == c.text);
      CHECK(c.text.find(c.number.substr(0, c.number.find_first_of(",/"))) == 0);
      const SentenceRecord& s = a.sentences[c.sentence];
      CHECK((s.begin <= c.span_begin && c.span_end <= s.end));
      for (const Comparison& m : c.comparisons) {
        CHECK(a.doc.text.substr(m.span_begin, m.span_end - m.span_begin) == m.text);
        CHECK(m.text.back() == '%');
      }
    }
  }
}

TEST_CASE("Seeds: site furniture gives no claims and the page date is read", "[seeds]") {
  SKIP_WITHOUT_SEEDS();
  auto a = Seed("001_");
  CHECK(a.doc.published == std::optional<std::string>("2020-08-06"));
  CHECK(a.normalized.find("Loading the player") == std::string::npos);
  CHECK(a.normalized.find("Tin mới nhất") == std::string::npos);
  size_t widget = a.doc.text.find("\n100%\n") + 1;  // the page's zoom widget
  REQUIRE(widget > 0);
  for (const Claim& c : a.claims) {
    CHECK(c.text != "147 người");
    CHECK(c.span_begin != widget);
  }
  auto b = Seed("004_");
  CHECK(b.normalized.find("0:00") == std::string::npos);
  CHECK(b.normalized.find("Xem thêm") == std::string::npos);
}
