#include "extractors/period_finder.h"

#include <catch2/catch.hpp>

namespace {
const solieu::PeriodFinder& Finder() {
  static auto lex = solieu::Lexicon::Load();
  REQUIRE(lex.ok());
  static solieu::PeriodFinder finder(*lex);
  return finder;
}

// The one period `text` names, anchored.
solieu::PeriodMention Only(const std::string& text, const solieu::PeriodAnchor& anchor) {
  auto found = Finder().Find(text);
  REQUIRE(found.size() == 1);
  REQUIRE(solieu::PeriodFinder::Anchor(anchor, &found[0]));
  return found[0];
}
}  // namespace

TEST_CASE("PeriodFinder dates relative periods by the publication year", "[extractors]") {
  solieu::PeriodAnchor published_2023{2023, std::nullopt, std::nullopt};
  struct Case { const char* text; const char* kind; const char* from; const char* to; };
  const Case cases[] = {
      {"Trong 6 tháng đầu năm, thu ngân sách đạt 151,2 tỷ đồng", "months_this_year", "2023-01-01", "2023-06-30"},
      {"Số doanh nghiệp thành lập mới trong 6 tháng là 42", "months_this_year", "2023-01-01", "2023-06-30"},
      {"quý II năm nay thu đạt 50 tỷ đồng", "quarter_this_year", "2023-04-01", "2023-06-30"},
      {"dự ước cả năm đạt 3.700 tỷ đồng", "this_year", "2023-01-01", "2023-12-31"},
      {"các tiêu chí tăng dần từ năm 2011 đến nay", "since_year", "2011-01-01", "2023-12-31"},
      {"Đến nay thành phố có 16/22 trường đạt chuẩn", "as_of_now", "2023-01-01", "2023-12-31"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto m = Only(c.text, published_2023);
    CHECK(m.kind == c.kind);
    CHECK(m.period.from == c.from);
    CHECK(m.period.to == c.to);
  }
}

TEST_CASE("PeriodFinder prefers the absolute reading and skips baselines", "[extractors]") {
  auto found = Finder().Find("8 tháng năm 2023 đạt 2.400 tỷ đồng, tăng 3,69% so với năm 2022");
  REQUIRE(found.size() == 1);
  CHECK(found[0].kind == "months_of_year");
  CHECK(found[0].period.to == "2023-08-31");
  // An en dash, as in titles.
  auto term = Finder().Find("nhìn lại nhiệm kỳ 2015 – 2020");
  REQUIRE(term.size() == 1);
  CHECK(term[0].period.from == "2015-01-01");
}

TEST_CASE("PeriodFinder reads terms against the document's own term", "[extractors]") {
  solieu::PeriodAnchor anchor{2020, solieu::Period{"nhiệm kỳ 2020 - 2025", "2020-01-01", "2025-12-31"}, std::nullopt};
  CHECK(Only("trong nhiệm kỳ thành lập mới 25 HTX", anchor).period.to == "2025-12-31");
  auto previous = Only("nhiệm kỳ qua, tổng mức bán lẻ đạt 3.200 tỷ đồng", anchor);
  CHECK(previous.period.from == "2015-01-01");
  CHECK(previous.period.to == "2020-12-31");
  // Without a term to anchor to, "trong nhiệm kỳ" names no dates.
  auto found = Finder().Find("trong nhiệm kỳ thành lập mới 25 HTX");
  REQUIRE(found.size() == 1);
  CHECK_FALSE(solieu::PeriodFinder::Anchor(solieu::PeriodAnchor{2020, std::nullopt, std::nullopt}, &found[0]));
}

TEST_CASE("PeriodFinder reads 'đến nay' as the reporting period when the lead names one", "[extractors]") {
  solieu::PeriodAnchor anchor{2023, std::nullopt, solieu::Period{"8 tháng năm 2023", "2023-01-01", "2023-08-31"}};
  auto m = Only("Đến nay, thành phố đã đấu giá được 17 thửa đất", anchor);
  CHECK(m.period.to == "2023-08-31");
}

TEST_CASE("IsoDate writes dates as printf's %04d-%02d-%02d does, and YearOf reads their year back", "[extractors]") {
  CHECK(solieu::IsoDate(2023, 8, 31) == "2023-08-31");
  CHECK(solieu::IsoDate(2025, 12, 1) == "2025-12-01");
  CHECK(solieu::IsoDate(999, 1, 9) == "0999-01-09");
  CHECK(solieu::IsoDate(12345, 1, 1) == "12345-01-01");  // past four digits: as printf widens it
  CHECK(solieu::IsoDate(2023, 100, 1) == "2023-100-01");
  CHECK(solieu::YearOf("2023-08-31") == 2023);
  CHECK(solieu::YearOf("0999-01-09") == 999);
  CHECK(solieu::YearOf(solieu::IsoDate(1975, 4, 30)) == 1975);
  CHECK(solieu::YearOf("12-08-31") == 12);  // what stoi reads of "12-0"
}
