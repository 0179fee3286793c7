// The HTML report: escaping of everything a document brings, the page's
// parts on the sample corpus, and (where Debian's chromium is installed) the
// page as a real browser renders it.
#include "pipeline/report.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <regex>
#include <sstream>

#include "pipeline/check.h"
#include "test_support.h"

using solieu::testing::AnalyzeText;
using solieu::testing::ReadFile;
using solieu::testing::RunSolieu;
using solieu::testing::SourcePath;
using solieu::testing::TempDir;

namespace {

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

const char kHostile[] =
    "Thành phố Bắc Kạn <script>alert('x')</script> năm 2023\n"
    "Năm 2023, tổng mức bán lẻ hàng hóa <img src=x onerror=alert(1)> đạt 3.645 tỷ đồng </svg><b>đậm</b>.\n"
    "Năm 2022, tổng mức bán lẻ hàng hóa đạt 3.300 tỷ đồng & hơn thế.";

std::string Chromium() {
  for (const char* c : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
    if (std::system((std::string("test -x ") + c).c_str()) == 0) return c;
  }
  return "";
}

}  // namespace

TEST_CASE("Report escapes every piece of text that comes from a document", "[pipeline][report]") {
  CHECK(solieu::HtmlEscape("<a href=\"x\">Bắc Kạn & 'Cao Bằng'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Bắc Kạn &amp; &#39;Cao Bằng&#39;&lt;/a&gt;");
  auto doc = AnalyzeText(kHostile, "evil\"><script>alert(2)</script>.txt");
  REQUIRE(doc.claims.size() >= 2);  // 3.645 and 3.300 tỷ đồng (and whatever "alert(1)" reads as)
  std::ostringstream out;
  auto stats = solieu::WriteReport({doc}, {}, "report <title>", out);
  REQUIRE(stats.ok());
  std::string html = out.str();
  CHECK(Count(html, "<script") == 0);  // the page has no script of its own, and lets none in
  CHECK(Count(html, "<img") == 0);
  CHECK(Count(html, "<b>") == 0);
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") &&
                       Catch::Contains("&lt;img src=x onerror=alert(") && Catch::Contains("&lt;/svg&gt;") &&
                       Catch::Contains("evil&quot;&gt;&lt;script&gt;") && Catch::Contains("&amp; hơn thế"));
  // One chart (retail sales, two years), and its SVG closes where solieu closes it.
  CHECK(stats->charts == 1);
  CHECK(stats->marks == 2);
  CHECK(Count(html, "<svg") == 1);
  CHECK(Count(html, "</svg>") == 1);
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"));
}

TEST_CASE("Report of the sample corpus: summary, findings with sentences, charts, marked documents", "[pipeline][report]") {
  TempDir tmp;
  std::string db = tmp.Path("f.db"), page = tmp.Path("report.html"), out, err;
  REQUIRE(RunSolieu("ingest " + SourcePath("corpus/samples") + " --db " + db, &out, &err) == 0);
  REQUIRE(RunSolieu("report --db " + db + " --out " + page, &out, &err) == 0);
  std::smatch m;
  REQUIRE(std::regex_search(err, m, std::regex("(\\d+) documents, (\\d+) figures, (\\d+) findings, (\\d+) charts with (\\d+) marks")));
  std::string html = ReadFile(page);
  CHECK(Count(html, "<article class=\"finding") == std::stoul(m[3]));
  CHECK(Count(html, "<figure class=\"chart\"") == std::stoul(m[4]));
  CHECK(Count(html, "class=\"mark ") == std::stoul(m[5]));
  CHECK(Count(html, "<mark class=\"fig ") == std::stoul(m[2]));  // every figure marked in its document
  // Thái Nguyên's budget: two reports for 9 months of 2023 (a conflict) and the year: three marks.
  CHECK_THAT(html, Catch::Contains("<figure class=\"chart\" data-marks=\"3\"><figcaption><strong>budget_revenue</strong> — thành phố Thái Nguyên"));
  CHECK_THAT(html, Catch::Contains("412/436 là 94,5%") && Catch::Contains("<mark>96,5%</mark>"));
  CHECK(Count(html, "http://") + Count(html, "https://example.invalid\"") == 0);  // nothing to fetch
}

TEST_CASE("Report renders in headless Chromium: findings, charts and marks in the DOM, no console errors", "[pipeline][report][browser]") {
  std::string chromium = Chromium();
  if (chromium.empty()) {
    WARN("SKIPPED: chromium is not installed (scripts/setup installs Debian's chromium); the browser test did not run");
    return;
  }
  TempDir tmp;
  std::string db = tmp.Path("f.db"), page = tmp.Path("report.html"), out, err;
  REQUIRE(RunSolieu("ingest " + SourcePath("corpus/samples") + " --db " + db, &out, &err) == 0);
  // A hostile article too: whatever it holds must stay text in the browser.
  solieu::testing::WriteFile(tmp.Path("evil.txt"), kHostile);
  REQUIRE(RunSolieu("ingest " + tmp.Path("evil.txt") + " --db " + db, &out, &err) == 0);
  REQUIRE(RunSolieu("report --db " + db + " --out " + page, &out, &err) == 0);
  std::smatch m;
  REQUIRE(std::regex_search(err, m, std::regex("(\\d+) findings, (\\d+) charts with (\\d+) marks")));
  std::string flags = " --headless --no-sandbox --disable-gpu --disable-background-networking --hide-scrollbars";
  std::string dom_file = tmp.Path("dom.html"), log = tmp.Path("console.log");
  std::string cmd = chromium + flags + " --enable-logging=stderr --v=0 --dump-dom file://" + page + " >" + dom_file +
                    " 2>" + log;
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string dom = ReadFile(dom_file), console = ReadFile(log);
  INFO(console.substr(0, 2000));
  CHECK(Count(dom, "<article class=\"finding") == std::stoul(m[1]));
  CHECK(Count(dom, "<figure class=\"chart\"") == std::stoul(m[2]));
  CHECK(Count(dom, "class=\"mark ") == std::stoul(m[3]));
  // The chart of Thái Nguyên's budget revenue, as rendered: 9 months of 2023 reported
  // twice (1.745 and 1.754 tỷ, a conflict) and the year: three marks.
  size_t chart = dom.find("<strong>budget_revenue</strong> — thành phố Thái Nguyên");
  REQUIRE(chart != std::string::npos);
  std::string figure = dom.substr(chart, dom.find("</figure>", chart) - chart);
  CHECK(Count(figure, "class=\"mark ") == 3);
  CHECK(Count(figure, "1.745 tỷ đồng · 9 tháng năm 2023") == 1);
  CHECK(Count(figure, "1.754 tỷ đồng · 9 tháng năm 2023") == 1);
  CHECK(Count(dom, "<script") == 0);
  CHECK(Count(dom, "<img") == 0);
  CHECK_THAT(dom, Catch::Contains("&lt;script&gt;alert('x')&lt;/script&gt;") && Catch::Contains("Tổng mức bán lẻ"));
  CHECK(Count(console, "CONSOLE") == 0);
  CHECK(Count(console, "Uncaught") == 0);
  // A screenshot beside the build, for people to look at (README shows one).
  std::string shot = std::string(SOLIEU_BUILD_ROOT) + "/report-samples.png";
  cmd = chromium + flags + " --window-size=1280,2000 --screenshot=" + shot + " file://" + page + " >/dev/null 2>&1";
  CHECK(std::system(cmd.c_str()) == 0);
  CHECK(ReadFile(shot).size() > 10000);
}
