#include "extractors/claim_extractor.h"

#include <catch2/catch.hpp>

namespace {

const solieu::ClaimExtractor& Extractor() {
  static auto lex = solieu::Lexicon::Load();
  REQUIRE(lex.ok());
  static solieu::ClaimExtractor extractor(*lex);
  return extractor;
}

std::vector<solieu::Claim> Extract(const std::string& s) { return Extractor().Extract(s); }

std::string SpanText(const std::string& s, const solieu::Claim& c) { return s.substr(c.begin, c.end - c.begin); }

}  // namespace

TEST_CASE("ClaimExtractor reads a money figure with its comparisons", "[extractors]") {
  std::string s = "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ đạt 3.200 tỷ đồng, tăng 213% so với năm 2015, "
                  "bằng 107% Nghị quyết Đại hội VI; toàn thành phố có 47 doanh nghiệp hoạt động.";
  auto claims = Extract(s);
  REQUIRE(claims.size() == 2);
  const auto& c = claims[0];
  CHECK(SpanText(s, c) == "3.200 tỷ đồng");
  CHECK(c.value == 3200);
  CHECK(c.unit == "tỷ đồng");
  CHECK(c.dimension == "money");
  CHECK(c.base_value == Approx(3.2e12));
  CHECK(c.base_unit == "VND");
  CHECK(c.metric == "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ");
  REQUIRE(c.comparisons.size() == 2);
  CHECK(c.comparisons[0].kind == "change");
  CHECK(c.comparisons[0].direction == std::optional<std::string>("up"));
  CHECK(c.comparisons[0].percent == 213);
  CHECK(c.comparisons[0].baseline == std::optional<std::string>("năm 2015"));
  CHECK(c.comparisons[0].baseline_kind == std::optional<std::string>("year"));
  CHECK(c.comparisons[1].kind == "share_of_baseline");
  CHECK(c.comparisons[1].baseline == std::optional<std::string>("Nghị quyết Đại hội VI"));
  CHECK(c.comparisons[1].baseline_kind == std::optional<std::string>("target"));
  CHECK(s.substr(c.comparisons[1].begin, c.comparisons[1].end - c.comparisons[1].begin) == "107%");
  CHECK(claims[1].unit == "doanh nghiệp");
  CHECK(claims[1].dimension == "count");
}

TEST_CASE("ClaimExtractor reads a fraction with its stated percent", "[extractors]") {
  std::string s = "Quyết định truy tố 205/207 vụ án do cơ quan điều tra chuyển sang, đạt 99%.";
  auto claims = Extract(s);
  REQUIRE(claims.size() == 1);
  CHECK(SpanText(s, claims[0]) == "205/207 vụ án");
  CHECK(claims[0].value == 205);
  CHECK(claims[0].denominator == std::optional<double>(207));
  REQUIRE(claims[0].comparisons.size() == 1);
  CHECK(claims[0].comparisons[0].percent == 99);
  CHECK_FALSE(claims[0].comparisons[0].baseline);
}

TEST_CASE("ClaimExtractor keeps and flags a broken number", "[extractors]") {
  std::string s = "Giá trị sản xuất công nghiệp đạt 575, tỷ đồng; tổng sản lượng lương thực đạt hơn 3.915 tấn.";
  auto claims = Extract(s);
  REQUIRE(claims.size() == 2);
  CHECK(SpanText(s, claims[0]) == "575, tỷ đồng");
  CHECK(claims[0].number == "575,");
  CHECK(claims[0].value == 575);
  CHECK_THAT(claims[0].flags, Catch::VectorContains(std::string("broken_number")));
  CHECK(claims[0].base_value == Approx(575e9));
  CHECK(claims[1].qualifier == std::optional<std::string>("over"));
  CHECK(claims[1].base_value == Approx(3915000));
  CHECK(claims[1].base_unit == "kg");
}

TEST_CASE("ClaimExtractor reads a dot-decimal percent as a comparison and flags it", "[extractors]") {
  std::string s = "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt hơn 2.500 tỷ đồng, bằng 108.6%.";
  auto claims = Extract(s);
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].modality == "estimate");
  CHECK(claims[0].qualifier == std::optional<std::string>("over"));
  REQUIRE(claims[0].comparisons.size() == 1);
  CHECK(claims[0].comparisons[0].percent == Approx(108.6));
  CHECK_THAT(claims[0].comparisons[0].flags, Catch::VectorContains(std::string("dot_decimal")));
}

TEST_CASE("ClaimExtractor finds no claim in years, dates, document numbers, ordinals, grades, clocks", "[extractors]") {
  const char* sentences[] = {
      "Tổ chức thực hiện hiệu quả Nghị quyết số 29-NQ/TU ngày 25/10/2022 của Ban Thường vụ Tỉnh ủy.",
      "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết đại hội Đảng bộ lần thứ VII và lần thứ 7.",
      "Có thêm 01 trường đạt chuẩn quốc gia mức độ 1.",
      "Thực hiện Nghị quyết Trung ương 4 khóa XII và Chỉ thị số 05-CT/TW.",
      "Đăng lúc 10:39 ngày 21/02/2022, giai đoạn 2016-2020, nhiệm kỳ 2015 - 2020.",
      "Sau 5 năm thực hiện, trong 8 tháng năm 2023 và quý I/2023.",
      "Xây dựng Khu dân cư Đức Xuân 4 và phòng chống dịch Covid-19.",
  };
  for (const char* s : sentences) {
    auto claims = Extract(s);
    INFO(s);
    for (const auto& c : claims) CHECK(c.unit == "trường");  // only "01 trường" is a figure
  }
  CHECK(Extract(sentences[2]).size() == 1);
}

TEST_CASE("ClaimExtractor reads shares, rates, stacked scale words and qualifiers", "[extractors]") {
  std::string s = "trong đó, thương mại dịch vụ - du lịch chiếm 56,7%; thu nhập bình quân đạt 50 triệu đồng/người/năm; "
                  "diện tích đạt 100 triệu đồng/ha trở lên; tổng vốn đạt 1,26 triệu tỉ đồng; khoảng 2.400 tỷ đồng.";
  auto claims = Extract(s);
  REQUIRE(claims.size() == 5);
  CHECK(claims[0].dimension == "percent");
  CHECK(claims[0].metric == "thương mại dịch vụ - du lịch");
  CHECK(claims[0].comparisons.empty());
  CHECK(SpanText(s, claims[1]) == "50 triệu đồng/người/năm");
  CHECK(claims[1].unit == "triệu đồng/người/năm");
  CHECK(claims[1].dimension == "rate");
  CHECK(claims[1].base_value == Approx(5e7));
  CHECK(claims[2].qualifier == std::optional<std::string>("at_least"));
  CHECK(claims[3].base_value == Approx(1.26e15));
  CHECK(claims[3].unit == "triệu tỉ đồng");
  CHECK(claims[4].qualifier == std::optional<std::string>("approx"));
}

TEST_CASE("ClaimExtractor makes a baseline percent with no claim a percent claim carrying it", "[extractors]") {
  std::string s = "Thu ngân sách trên địa bàn thành phố đạt 44,9% dự toán.";
  auto claims = Extract(s);
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].dimension == "percent");
  CHECK(claims[0].value == Approx(44.9));
  REQUIRE(claims[0].comparisons.size() == 1);
  CHECK(claims[0].comparisons[0].baseline_kind == std::optional<std::string>("budget_estimate"));
  CHECK(claims[0].comparisons[0].begin == claims[0].begin);
  CHECK(claims[0].metric == "thu ngân sách");
}

TEST_CASE("ClaimExtractor tells a standalone rate from a comparison", "[extractors]") {
  std::string s = "Kiểm sát việc giải quyết 407 tin báo, tố giác về tội phạm, tỷ lệ giải quyết đạt 91,4%; "
                  "tỷ lệ hộ nghèo 2,88% giảm 0,32% so với năm 2015.";
  auto claims = Extract(s);
  REQUIRE(claims.size() == 3);
  CHECK(claims[0].unit == "tin báo");
  CHECK(claims[0].comparisons.empty());
  CHECK(claims[1].value == Approx(91.4));
  CHECK(claims[1].metric == "tỷ lệ giải quyết");
  CHECK(claims[2].value == Approx(2.88));
  REQUIRE(claims[2].comparisons.size() == 1);
  CHECK(claims[2].comparisons[0].direction == std::optional<std::string>("down"));
}

TEST_CASE("ClaimExtractor reads modality from its cue words", "[extractors]") {
  auto a = Extract("Tổng sản lượng lương thực có hạt vụ xuân ước đạt 1.904 tấn; trồng rừng đạt 108% kế hoạch.");
  REQUIRE(a.size() == 2);
  CHECK(a[0].modality == "estimate");
  CHECK(a[1].modality == "actual");  // the estimate cue speaks for its own clause only
  auto b = Extract("Mục tiêu đến năm 2025, tổng mức bán lẻ đạt 3.700 tỷ đồng; thu ngân sách đạt 200 tỷ đồng.");
  REQUIRE(b.size() == 2);
  CHECK(b[0].modality == "target");
  CHECK(b[1].modality == "target");
  auto c = Extract("Năm 2019 thu đạt 135,33 tỷ đồng, kế hoạch năm 2020 thu đạt 151,5 tỷ đồng.");
  REQUIRE(c.size() == 2);
  CHECK(c[0].modality == "actual");
  CHECK(c[1].modality == "plan");
}

TEST_CASE("ClaimExtractor ends a cue's clause at a semicolon, colon or parenthesis wherever it falls among eight-byte steps",
          "[extractors]") {
  // The clause starts are found eight bytes at a time: each break, at each
  // offset in its word of eight, must end the estimate's clause.
  for (const char* open : {"(", ";", ":"}) {
    for (int pad = 0; pad < 8; ++pad) {
      std::string s = "Doanh thu dịch vụ" + std::string(pad, ' ') + " ước đạt 120 tỷ đồng " + open +
                      " năm 2022 đạt 100 tỷ đồng" + (std::string(open) == "(" ? ")." : ".");
      auto claims = Extract(s);
      INFO(s);
      REQUIRE(claims.size() == 2);
      CHECK(claims[0].modality == "estimate");
      CHECK(claims[1].modality == "actual");
    }
  }
}

TEST_CASE("ClaimExtractor reads counted nouns it does not know", "[extractors]") {
  std::string s = "Đấu giá được 17 thửa đất ở; vận động sửa chữa 5 căn nhà đại đoàn kết.";
  auto claims = Extract(s);
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].unit == "thửa đất");
  CHECK(claims[1].unit == "căn nhà");
  CHECK(claims[1].metric == "căn nhà đại đoàn kết");
}

TEST_CASE("ClaimExtractor ends a baseline phrase where the next comparison begins", "[extractors]") {
  // Regression: the words that end a baseline ("bằng", "đạt") were compared with wrong byte lengths.
  std::string s = "Sản lượng ước đạt 1.904 tấn, bằng 50% kế hoạch bằng 92,75% so với cùng kỳ, đạt 60% kế hoạch đạt yêu cầu.";
  auto claims = Extract(s);
  REQUIRE(claims.size() == 1);
  REQUIRE(claims[0].comparisons.size() == 3);
  CHECK(claims[0].comparisons[0].baseline == std::optional<std::string>("kế hoạch"));
  CHECK(claims[0].comparisons[1].baseline == std::optional<std::string>("cùng kỳ"));
  CHECK(claims[0].comparisons[2].baseline == std::optional<std::string>("kế hoạch"));
}

TEST_CASE("ClaimExtractor gives a semicolon series the subject it names once", "[extractors]") {
  auto claims = Extract("Tỷ lệ cung cấp dịch vụ công trực tuyến mức độ 3 là 78%; mức độ 4 là 45%.");
  REQUIRE(claims.size() == 2);
  CHECK(claims[1].metric == "tỷ lệ cung cấp dịch vụ công trực tuyến mức độ 4");
  // Series whose clauses name their own subjects keep them.
  auto shares = Extract("Thương mại dịch vụ - du lịch chiếm 56,7%; công nghiệp - xây dựng chiếm 37,5%.");
  REQUIRE(shares.size() == 2);
  CHECK(shares[1].metric == "công nghiệp - xây dựng");
}

TEST_CASE("ClaimExtractor keeps 'đã đề ra' counts actual, and says the cue was stated", "[extractors]") {
  auto claims = Extract("Trong nhiệm kỳ 2020 - 2025, Đảng bộ thành phố đã đề ra 07 mục tiêu về phát triển kinh tế; 03 mục tiêu về văn hóa - xã hội.");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].modality == "actual");
  CHECK(claims[0].modality_stated);
  CHECK(claims[1].modality_stated);
  CHECK_FALSE(Extract("Thu ngân sách đạt 200 tỷ đồng.")[0].modality_stated);
}

TEST_CASE("ClaimExtractor does not pass a list's context to a figure of another kind", "[extractors]") {
  auto claims = Extract("Kết nạp mới 90 đảng viên, 55% tổ chức cơ sở đảng đạt trong sạch vững mạnh.");
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].context == "kết nạp mới");
  CHECK(claims[1].context.empty());
}
