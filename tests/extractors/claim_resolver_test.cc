#include "extractors/claim_resolver.h"

#include "extractors/claim_extractor.h"

#include <catch2/catch.hpp>

#include "test_support.h"

namespace {
const solieu::ClaimResolver& Resolver() {
  static auto lex = solieu::Lexicon::Load();
  REQUIRE(lex.ok());
  static solieu::ClaimResolver resolver(*lex);
  return resolver;
}
}  // namespace

TEST_CASE("ClaimResolver turns period expressions into dates", "[extractors]") {
  struct Case { const char* expr; const char* from; const char* to; };
  const Case cases[] = {
      {"năm 2023", "2023-01-01", "2023-12-31"},
      {"8 tháng năm 2023", "2023-01-01", "2023-08-31"},
      {"6 tháng đầu năm 2023", "2023-01-01", "2023-06-30"},
      {"quý I/2024", "2024-01-01", "2024-03-31"},
      {"nhiệm kỳ 2015 - 2020", "2015-01-01", "2020-12-31"},
      {"năm học 2022-2023", "2022-09-01", "2023-08-31"},
  };
  for (const Case& c : cases) {
    auto p = Resolver().ParsePeriod(c.expr);
    INFO(c.expr);
    REQUIRE(p);
    CHECK(p->label == c.expr);
    CHECK(p->from == c.from);
    CHECK(p->to == c.to);
  }
  CHECK_FALSE(Resolver().ParsePeriod("trong những tháng cuối năm"));
}

TEST_CASE("ClaimResolver maps metrics to indicators whatever the tone placement", "[extractors]") {
  CHECK(Resolver().IndicatorFor("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ") == std::optional<std::string>("retail_sales"));
  CHECK(Resolver().IndicatorFor("Tổng mức bán lẻ hàng hoá") == std::optional<std::string>("retail_sales"));
  CHECK(Resolver().IndicatorFor("tỷ lệ hộ nghèo") == std::optional<std::string>("poverty_rate"));
  CHECK(Resolver().IndicatorFor("thu ngân sách nhà nước trên địa bàn") == std::optional<std::string>("budget_revenue"));
  CHECK_FALSE(Resolver().IndicatorFor("chương trình công tác trọng tâm"));
}

TEST_CASE("ClaimResolver gives each claim the entity and period its sentence names", "[extractors]") {
  auto doc = solieu::testing::AnalyzeText(
      "Năm 2022, thành phố Cao Bằng thu ngân sách đạt 312,4 tỷ đồng.\n"
      "Trong quý I/2024, TP. Lạng Sơn thu ngân sách đạt 98,6 tỷ đồng.\n"
      "Thành phố Cao Bằng có 42 doanh nghiệp thành lập mới.\n"
      "Giải quyết việc làm cho 615 lao động.");
  REQUIRE(doc.claims.size() == 4);
  CHECK(doc.claims[0].entity == std::optional<std::string>("thành phố Cao Bằng"));
  REQUIRE(doc.claims[0].period);
  CHECK(doc.claims[0].period->label == "Năm 2022");
  CHECK(doc.claims[1].entity == std::optional<std::string>("thành phố Lạng Sơn"));
  CHECK(doc.claims[1].period->from == "2024-01-01");
  CHECK(doc.claims[3].entity == std::optional<std::string>("thành phố Cao Bằng"));  // the document's main entity
  REQUIRE(doc.claims[3].period);  // the lead's period
  CHECK(doc.claims[3].period->label == "Năm 2022");
}

TEST_CASE("ClaimResolver reads 'nhiệm kỳ qua' as the term before the document's own", "[extractors]") {
  auto doc = solieu::testing::AnalyzeText(
      "Đại hội Đảng bộ thành phố Bắc Kạn nhiệm kỳ 2020 - 2025.\n"
      "Nhiệm kỳ qua, tổng mức bán lẻ hàng hóa đạt 3.200 tỷ đồng.");
  REQUIRE(doc.claims.size() == 1);
  REQUIRE(doc.claims[0].period);
  CHECK(doc.claims[0].period->from == "2015-01-01");
  CHECK(doc.claims[0].period->to == "2020-12-31");
}

TEST_CASE("ClaimResolver takes a count's indicator from the words that lead to it", "[extractors]") {
  auto doc = solieu::testing::AnalyzeText(
      "Năm 2023, cấp ủy đã kiểm tra đối với 24 tổ chức đảng, 333 đảng viên; kết nạp 450 đảng viên; "
      "giải quyết việc làm cho 704 lao động; có thêm 01 trường đạt chuẩn quốc gia.");
  REQUIRE(doc.claims.size() == 5);
  CHECK(doc.claims[0].indicator == std::optional<std::string>("party_inspections"));
  CHECK(doc.claims[1].indicator == std::optional<std::string>("party_inspections"));  // the list goes on
  CHECK(doc.claims[2].indicator == std::optional<std::string>("party_members_admitted"));
  CHECK(doc.claims[3].indicator == std::optional<std::string>("jobs_created"));
  CHECK(doc.claims[4].indicator == std::optional<std::string>("standard_schools"));
  CHECK(doc.claims[4].metric == "trường đạt chuẩn quốc gia");
}

TEST_CASE("ClaimResolver dates '6 tháng' and 'đến nay' by the publication date", "[extractors]") {
  auto doc = solieu::testing::AnalyzeText(
      "TP. Cao Bằng: kinh tế tiếp tục phục hồi\n"
      "Đăng ngày 05 - 07 - 2023\n"
      "Năm 2022, thu ngân sách nhà nước trên địa bàn đạt 312,4 tỷ đồng. "
      "Số doanh nghiệp thành lập mới trong 6 tháng là 42 doanh nghiệp.\n"
      "Đến nay, toàn thành phố có 1.036 doanh nghiệp đang hoạt động.");
  REQUIRE(doc.claims.size() == 3);
  CHECK(doc.claims[0].period->to == "2022-12-31");
  REQUIRE(doc.claims[1].period);
  CHECK(doc.claims[1].period->from == "2023-01-01");
  CHECK(doc.claims[1].period->to == "2023-06-30");
  REQUIRE(doc.claims[2].period);
  CHECK(doc.claims[2].period->label == "Đến nay");
  CHECK(doc.claims[2].period->to == "2023-12-31");
}

TEST_CASE("ClaimResolver lets only a period that opens a clause set the paragraph's period", "[extractors]") {
  auto doc = solieu::testing::AnalyzeText(
      "Nhiệm kỳ 2015 - 2020, thành phố Bắc Kạn đạt nhiều kết quả. "
      "Thu ngân sách đạt, vượt chỉ tiêu Nghị quyết, năm 2019 thu đạt 135,33 tỷ đồng. "
      "Thành phố hoàn thành xây dựng nông thôn mới tại 02 xã.");
  REQUIRE(doc.claims.size() == 2);
  CHECK(doc.claims[0].period->label == "năm 2019");
  REQUIRE(doc.claims[1].period);
  CHECK(doc.claims[1].period->from == "2015-01-01");  // the term, not 2019
}

TEST_CASE("ClaimResolver records the total each 'trong đó' part belongs to", "[extractors]") {
  auto doc = solieu::testing::AnalyzeText(
      "Tổng vốn đầu tư phát triển toàn xã hội đạt 11.200 tỷ đồng, trong đó vốn ngân sách nhà nước 2.850 tỷ đồng, "
      "vốn ngoài nhà nước 7.950 tỷ đồng; giải quyết việc làm cho 704 lao động. "
      "Xây dựng 02 xã đạt chuẩn nông thôn mới nâng cao; trong đó có 01 xã đạt chuẩn nông thôn mới kiểu mẫu; "
      "100% thôn đạt chuẩn thôn nông thôn mới.");
  REQUIRE(doc.claims.size() == 7);
  CHECK(doc.claims[0].part_of == -1);
  CHECK(doc.claims[1].part_of == 0);
  CHECK(doc.claims[2].part_of == 0);
  CHECK(doc.claims[3].part_of == -1);  // a count of workers ends the list of money parts
  CHECK(doc.claims[5].part_of == 4);   // 01 xã of the 02 xã
  CHECK(doc.claims[6].part_of == -1);  // a share of villages is no part of a count of communes
  CHECK(doc.claims[4].indicator == std::optional<std::string>("new_rural_advanced_communes"));
  CHECK(doc.claims[5].indicator == std::optional<std::string>("new_rural_model_communes"));
}

TEST_CASE("ClaimResolver names districts with and without their prefix", "[extractors]") {
  auto doc = solieu::testing::AnalyzeText(
      "Năm 2023, huyện Chợ Mới thu ngân sách đạt 45 tỷ đồng; Na Rì thu ngân sách đạt 38 tỷ đồng.");
  REQUIRE(doc.claims.size() == 2);
  CHECK(doc.claims[0].entity == std::optional<std::string>("huyện Chợ Mới"));
  CHECK(doc.claims[1].entity == std::optional<std::string>("huyện Na Rì"));
  // Bare, a name counts only capitalised: "chợ mới" is a new market, not the district.
  auto market = solieu::testing::AnalyzeText(
      "Năm 2023, thành phố Bắc Kạn đầu tư xây dựng chợ mới với tổng vốn 45 tỷ đồng.");
  REQUIRE(market.claims.size() == 1);
  CHECK(market.claims[0].entity == std::optional<std::string>("thành phố Bắc Kạn"));
  CHECK_THAT(market.claims[0].metric, Catch::Contains("chợ mới") || Catch::Contains("vốn"));
}

TEST_CASE("ClaimResolver counts the places of sentences with no period and no figure", "[extractors]") {
  // The main entity is the place named most: here in the title and in
  // sentences that name no period, and one without a figure.
  auto doc = solieu::testing::AnalyzeText(
      "Báo cáo của UBND huyện Na Rì\n\n"
      "Huyện Na Rì tiếp tục đẩy mạnh cải cách hành chính.\n"
      "Thành phố Bắc Kạn có 42 doanh nghiệp thành lập mới trong năm 2023.\n"
      "Huyện Na Rì có 15 doanh nghiệp thành lập mới.\n"
      "Giải quyết việc làm cho 615 lao động.");
  REQUIRE(doc.claims.size() == 3);
  CHECK(doc.claims[0].entity == std::optional<std::string>("thành phố Bắc Kạn"));
  CHECK(doc.claims[1].entity == std::optional<std::string>("huyện Na Rì"));
  CHECK(doc.claims[2].entity == std::optional<std::string>("huyện Na Rì"));  // the main entity
}

TEST_CASE("ClaimResolver finds a count's indicator in the rest of its clause, never a rate's", "[extractors]") {
  auto doc = solieu::testing::AnalyzeText(
      "Năm 2023, thành phố duy trì 07 xã, phường đạt Bộ tiêu chí Quốc gia về y tế xã; "
      "kiểm sát việc giải quyết 407 tin báo, tố giác về tội phạm, tỷ lệ giải quyết đạt 91,4%.");
  REQUIRE(doc.claims.size() == 3);
  CHECK(doc.claims[0].indicator == std::optional<std::string>("commune_health_standard"));
  CHECK_FALSE(doc.claims[1].indicator);  // 407 reports are not the resolution rate
  CHECK(doc.claims[2].indicator == std::optional<std::string>("crime_reports_resolved"));
}

TEST_CASE("ClaimResolver's one scan of a sentence finds the periods, places and non-claim patterns each finds alone", "[extractors]") {
  auto lex = solieu::Lexicon::Load();
  REQUIRE(lex.ok());
  solieu::ClaimExtractor extractor(*lex);
  const std::string text =
      "Năm 2023, thành phố Bắc Kạn thu ngân sách đạt 575 tỷ đồng, bằng 108,6% so với năm 2022.\n"
      "Theo Quyết định số 1234/QĐ-UBND ngày 15/3/2023, trong 8 tháng, 3.200 hộ được hỗ trợ; lúc 14:30 có 12 xã đạt chuẩn.\n"
      "Huyện Chợ Mới trồng rừng 1.024 ha.\n";
  std::vector<solieu::SentenceSpan> spans;
  for (size_t b = 0, e; b < text.size(); b = e + 1) {
    e = text.find('\n', b);
    spans.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }
  const std::optional<std::string> published = "2023-09-01";
  // Each alone: the extractor scans for its non-claim patterns, the resolver for periods and places.
  std::vector<solieu::Claim> alone, shared;
  std::vector<solieu::SentenceHits> hits;
  for (size_t i = 0; i < spans.size(); ++i) {
    std::string_view sentence = std::string_view(text).substr(spans[i].begin, spans[i].end - spans[i].begin);
    hits.push_back(Resolver().ScanSentence(sentence));
    CHECK(hits.back().scanned);
    CHECK(hits.back().complete);
    for (auto* out : {&alone, &shared}) {
      for (solieu::Claim c : extractor.Extract(sentence, out == &shared ? &hits.back().non_claims : nullptr)) {
        c.sentence = static_cast<int>(i);
        c.begin += spans[i].begin;
        c.end += spans[i].begin;
        out->push_back(std::move(c));
      }
    }
  }
  CHECK_FALSE(hits[0].periods.empty());  // "Năm 2023", "năm 2022"
  CHECK(hits[0].names_place);            // "thành phố Bắc Kạn"
  CHECK_FALSE(hits[1].non_claims.empty());  // the decision number, the date, the clock time
  CHECK(hits[2].names_place);            // "Huyện Chợ Mới"
  Resolver().Resolve(text, spans, published, &alone);
  Resolver().Resolve(text, spans, published, &shared, &hits);
  REQUIRE(alone.size() == shared.size());
  REQUIRE(alone.size() == 4);  // 575 tỷ đồng (108,6% its comparison), 3.200 hộ, 12 xã, 1.024 ha
  for (size_t i = 0; i < alone.size(); ++i) {
    INFO(alone[i].number);
    CHECK(shared[i].number == alone[i].number);
    CHECK(shared[i].begin == alone[i].begin);
    CHECK(shared[i].metric == alone[i].metric);
    CHECK(shared[i].entity == alone[i].entity);
    CHECK(shared[i].indicator == alone[i].indicator);
    CHECK((shared[i].period ? shared[i].period->from : "") == (alone[i].period ? alone[i].period->from : ""));
  }
  // The hits are what leave out the decision number, the date and the clock
  // time: told that no non-claim pattern matches, the extractor reads them.
  std::string_view second = std::string_view(text).substr(spans[1].begin, spans[1].end - spans[1].begin);
  const std::vector<int> none;
  CHECK(extractor.Extract(second, &none).size() > extractor.Extract(second, &hits[1].non_claims).size());
}
