#include "pipeline/claim_json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.h"

using namespace solieu;
using Json = nlohmann::ordered_json;

TEST_CASE("AppendClaimJson writes the spec's fields", "[pipeline]") {
  auto a = testing::AnalyzeText("Trong 8 tháng năm 2023, thu ngân sách đạt 44,9% dự toán.", "x.txt");
  REQUIRE(a.claims.size() == 1);
  std::string line;
  AppendClaimJson(a, a.claims[0], &line);
  Json j = Json::parse(line);
  for (const char* field : {"claim_id", "doc_id", "source", "span", "text", "sentence", "number", "value", "unit",
                            "dimension", "si_value", "si_unit", "denominator", "qualifier", "modality", "metric",
                            "indicator", "entity", "period", "flags", "comparisons"}) {
    CHECK(j.contains(field));
  }
  CHECK(j["claim_id"] == a.doc.doc_id + ":" + std::to_string(a.claims[0].span_begin) + "-" +
                             std::to_string(a.claims[0].span_end));
  CHECK(j["period"]["label"] == "8 tháng năm 2023");
  CHECK(j["period"]["to"] == "2023-08-31");
  CHECK(j["comparisons"][0]["baseline_kind"] == "budget_estimate");
  CHECK(j["sentence"] == "Trong 8 tháng năm 2023, thu ngân sách đạt 44,9% dự toán.");
}

TEST_CASE("A document line reads back into the same document", "[pipeline]") {
  auto a = testing::AnalyzeText("Năm 2023, giá trị sản xuất công nghiệp đạt 575, tỷ đồng; có 38/44 chỉ tiêu đạt.", "y.txt");
  std::string line;
  AppendDocumentJson(a, &line);
  AnalyzedDocument b;
  REQUIRE(DocumentFromJson(line, "part:1", &b).ok());
  std::string again;
  AppendDocumentJson(b, &again);
  CHECK(again == line);
  // A truncated line is refused with its place.
  Status st = DocumentFromJson(line.substr(0, line.size() / 2), "part:7", &b);
  REQUIRE_FALSE(st.ok());
  CHECK_THAT(st.message(), Catch::Contains("part:7"));
}
