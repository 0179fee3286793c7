#include "corpus/html_reader.h"

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace solieu;

namespace {
const HtmlReader& Reader() {
  static auto r = HtmlReader::Create();
  REQUIRE(r.ok());
  return **r;
}
}  // namespace

TEST_CASE("HtmlReader takes the article and its metadata out of a news page", "[corpus]") {
  std::string page = testing::ReadFile(testing::SourcePath("tests/data/thai-nguyen-page.html"));
  auto a = Reader().Read(page, "page.html");
  REQUIRE(a.ok());
  CHECK(a->title == "Thái Nguyên: 9 tháng năm 2023 thu ngân sách đạt khá");
  CHECK(a->url == "https://baomau.invalid/kinh-te/thai-nguyen-9-thang-2023.html");
  CHECK(a->published == std::optional<std::string>("2023-10-05"));
  CHECK_THAT(a->text, Catch::StartsWith("Thành phố Thái Nguyên công bố kết quả 9 tháng năm 2023."));
  CHECK_THAT(a->text, Catch::Contains("1.745\u00A0tỷ đồng"));           // &nbsp; became the character
  CHECK_THAT(a->text, Catch::Contains("9,8 nghìn tỷ đồng.\n\nKim ngạch"));  // <br> became a line break
  for (const char* furniture : {"999 tỷ", "Quảng cáo", "Thời sự", "Chia sẻ", "Loading the player", "bình chọn",
                                "Tin liên quan", "2.000 tỷ", "Bạn đọc", "Từ khóa", "Giấy phép", "Trang chủ"}) {
    INFO(furniture);
    CHECK(a->text.find(furniture) == std::string::npos);
  }
}

TEST_CASE("HtmlReader finds the same claims in a page as in the article as plain text", "[corpus]") {
  std::string page = testing::ReadFile(testing::SourcePath("tests/data/thai-nguyen-page.html"));
  auto a = Reader().Read(page, "page.html");
  REQUIRE(a.ok());
  std::string plain = testing::ReadFile(testing::SourcePath("corpus/samples/thai-nguyen-2023-9-thang.txt"));
  // The sample file carries a title line and a vote widget; the page's body starts at the article.
  plain = plain.substr(plain.find("Thành phố Thái Nguyên công bố"));
  auto from_html = testing::AnalyzeText(a->text, "page.html");
  auto from_text = testing::AnalyzeText(plain, "plain.txt");
  REQUIRE(from_html.claims.size() == from_text.claims.size());
  CHECK(from_html.claims.size() >= 10);
  for (size_t i = 0; i < from_text.claims.size(); ++i) {
    const Claim& h = from_html.claims[i];
    const Claim& t = from_text.claims[i];
    CHECK(h.value == t.value);
    CHECK(h.unit == t.unit);
    CHECK(h.metric == t.metric);
    CHECK(h.comparisons.size() == t.comparisons.size());
  }
}

TEST_CASE("HtmlReader reports a page with no text", "[corpus]") {
  auto a = Reader().Read("<html><head><script>var x = 1;</script></head><body><nav>Menu</nav></body></html>", "empty.html");
  REQUIRE_FALSE(a.ok());
  CHECK_THAT(a.status().message(), Catch::Contains("empty.html") && Catch::Contains("no article text"));
}
