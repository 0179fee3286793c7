// Each check with a case that must fire and a near miss that must not.
#include "pipeline/check.h"

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "pipeline/ingest.h"
#include "schema/store.h"
#include "test_support.h"

using solieu::AnalyzedDocument;
using solieu::Finding;
using solieu::testing::AnalyzeText;
using solieu::testing::SourcePath;
using solieu::testing::TempDir;
using solieu::IngestOptions;

namespace {

std::vector<Finding> Check(const std::vector<AnalyzedDocument>& docs) {
  static auto checker = [] {
    auto c = solieu::Checker::Create();
    REQUIRE(c.ok());
    return std::move(*c);
  }();
  return checker->Check(docs);
}

std::vector<Finding> OfKind(const std::vector<Finding>& all, const std::string& kind) {
  std::vector<Finding> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out), [&](const Finding& f) { return f.kind == kind; });
  return out;
}

std::vector<Finding> CheckText(const std::string& text, const std::string& kind) {
  return OfKind(Check({AnalyzeText(text)}), kind);
}

}  // namespace

TEST_CASE("check: a fraction that does not give its stated percent", "[pipeline][check]") {
  auto f = CheckText("Năm 2023, các cơ quan đã giải quyết 412/436 đơn thư khiếu nại, tố cáo, đạt 96,5%.", "fraction_percent");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == "error");
  CHECK(*f[0].expected == Approx(94.495).epsilon(1e-3));
  CHECK(*f[0].observed == Approx(96.5));
  CHECK(*f[0].tolerance == Approx(0.05));
  REQUIRE(f[0].claims.size() == 2);
  CHECK(f[0].claims[0].text == "412/436 đơn thư");
  CHECK(f[0].claims[1].text == "96,5%");
  CHECK(f[0].explanation_vi.find("94,5%") != std::string::npos);
  // Near misses: 205/207 = 99,03 is "99%" as written; 18/21 = 85,71 is "86%".
  CHECK(CheckText("Quyết định truy tố 205/207 vụ án do cơ quan điều tra chuyển sang, đạt 99%.", "fraction_percent").empty());
  CHECK(CheckText("Có 18/21 trường đạt chuẩn quốc gia, đạt 86%.", "fraction_percent").empty());
  // One decimal is held to ± 0,05: 85,7 is right, 85,6 is a slip (a warning, not an error).
  CHECK(CheckText("Có 18/21 trường đạt chuẩn quốc gia, đạt 85,7%.", "fraction_percent").empty());
  auto slip = CheckText("Có 18/21 trường đạt chuẩn quốc gia, đạt 85,6%.", "fraction_percent");
  REQUIRE(slip.size() == 1);
  CHECK(slip[0].severity == "warning");
}

TEST_CASE("check: shares of one whole that do not make 100%", "[pipeline][check]") {
  auto over = CheckText("Năm 2023, thương mại - dịch vụ chiếm 58,2%; công nghiệp - xây dựng chiếm 37,5%; "
                        "nông - lâm nghiệp chiếm 5,8%.", "shares_sum");
  REQUIRE(over.size() == 1);
  CHECK(over[0].severity == "error");
  CHECK(*over[0].observed == Approx(101.5));
  CHECK(over[0].claims.size() == 3);
  auto under = CheckText("Cơ cấu kinh tế năm 2023: thương mại - dịch vụ chiếm 48,5%; công nghiệp - xây dựng chiếm 47%; "
                         "nông - lâm nghiệp chiếm 3,5%.", "shares_sum");
  REQUIRE(under.size() == 1);
  CHECK(under[0].severity == "warning");
  CHECK(*under[0].tolerance == Approx(0.6));  // 0,05 + 0,5 + 0,05: each share as written
  // Near misses: shares that add up; a partial list without "cơ cấu" may fall short; "cơ cấu công chức" is no breakdown.
  CHECK(CheckText("Cơ cấu kinh tế: thương mại dịch vụ - du lịch chiếm 56,7%; công nghiệp - xây dựng chiếm 37,5%; "
                  "nông - lâm nghiệp chiếm 5,8%.", "shares_sum").empty());
  CHECK(CheckText("Năm 2023, thương mại - dịch vụ chiếm 48,5%; công nghiệp - xây dựng chiếm 47%.", "shares_sum").empty());
  CHECK(CheckText("100% cơ quan hành chính nhà nước có cơ cấu công chức phù hợp; 95% cán bộ có trình độ đại học; "
                  "tỷ lệ dịch vụ công trực tuyến mức độ 3 là 78%.", "shares_sum").empty());
}

TEST_CASE("check: parts after 'trong đó' against their total", "[pipeline][check]") {
  auto over = CheckText("Năm 2023, toàn thành phố có 1.850 doanh nghiệp đang hoạt động, trong đó 1.020 doanh nghiệp "
                        "thương mại - dịch vụ, 905 doanh nghiệp công nghiệp - xây dựng.", "parts_total");
  REQUIRE(over.size() == 1);
  CHECK(over[0].severity == "error");
  CHECK(*over[0].observed == Approx(1925));
  CHECK(over[0].claims[0].role == "total");
  auto match = CheckText("Tổng vốn đầu tư phát triển toàn xã hội đạt 2,1 nghìn tỷ đồng, trong đó vốn ngân sách nhà nước "
                         "820 tỷ đồng, vốn ngoài nhà nước 1.280 tỷ đồng.", "parts_total");
  REQUIRE(match.size() == 1);  // parts in another scale are converted to the total's unit
  CHECK(match[0].severity == "info");
  // Near miss: parts short of their total (the list may be incomplete) say nothing.
  CHECK(CheckText("Toàn thành phố có 1.850 doanh nghiệp, trong đó 1.020 doanh nghiệp thương mại - dịch vụ, "
                  "805 doanh nghiệp công nghiệp - xây dựng.", "parts_total").empty());
}

TEST_CASE("check: the same fact in two documents, equal or not", "[pipeline][check]") {
  auto a = AnalyzeText("Thái Nguyên: 9 tháng năm 2023\nThành phố Thái Nguyên công bố kết quả 9 tháng năm 2023. "
                       "Tổng thu ngân sách nhà nước trên địa bàn đạt 1.745 tỷ đồng.", "a.txt");
  auto b = AnalyzeText("Thành phố Thái Nguyên năm 2023\nTrước đó, trong 9 tháng năm 2023 thành phố Thái Nguyên "
                       "thu ngân sách được 1.754 tỷ đồng.", "b.txt");
  auto c = AnalyzeText("Tin vắn\nTrong 9 tháng năm 2023, thành phố Thái Nguyên thu ngân sách đạt 1.745 tỷ đồng.", "c.txt");
  auto conflict = OfKind(Check({a, b}), "cross_source_conflict");
  REQUIRE(conflict.size() == 1);
  CHECK(conflict[0].severity == "warning");
  CHECK(conflict[0].claims.size() == 2);
  auto same = OfKind(Check({a, c}), "cross_source_confirmation");
  REQUIRE(same.size() == 1);
  CHECK(same[0].severity == "info");
  CHECK(OfKind(Check({a, c}), "cross_source_conflict").empty());
  // Near miss: another period is another fact.
  auto d = AnalyzeText("Thành phố Thái Nguyên năm 2022\nNăm 2022, thành phố Thái Nguyên thu ngân sách đạt 1.754 tỷ đồng.", "d.txt");
  CHECK(OfKind(Check({a, d}), "cross_source_conflict").empty());
  // "khoảng" widens what counts as the same value.
  auto e = AnalyzeText("Tin vắn\nTrong 9 tháng năm 2023, thành phố Thái Nguyên thu ngân sách đạt khoảng 1.750 tỷ đồng.", "e.txt");
  CHECK(OfKind(Check({a, e}), "cross_source_conflict").empty());
}

TEST_CASE("check: plans implied by a share of plan", "[pipeline][check]") {
  // The seeds' case: 8 months at 2.400 tỷ = 65,9% of plan implies a year plan of 3.642 tỷ; the year ends at 3.645.
  auto months = AnalyzeText("TP. Bắc Kạn 8 tháng năm 2023\nTrong 8 tháng của năm 2023, tổng mức bán lẻ hàng hóa và doanh "
                            "thu dịch vụ trên địa bàn thành phố Bắc Kạn đạt khoảng 2.400 tỷ đồng, bằng 65,9% kế hoạch.", "a.txt");
  auto year = AnalyzeText("TP. Bắc Kạn năm 2023\nNăm 2023, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ trên địa bàn "
                          "thành phố Bắc Kạn đạt 3.645 tỷ đồng.", "b.txt");
  auto found = OfKind(Check({months, year}), "implied_baseline");
  REQUIRE(found.size() == 1);
  CHECK(found[0].severity == "info");
  CHECK(*found[0].expected == Approx(3642).epsilon(1e-3));
  CHECK(found[0].claims[2].text == "3.645 tỷ đồng");
  // Two claims implying different plans disagree; a stated plan is compared too.
  auto other = AnalyzeText("TP. Bắc Kạn quý III năm 2023\nNăm 2023, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ "
                           "của thành phố Bắc Kạn đạt 2.900 tỷ đồng, bằng 70% kế hoạch.", "c.txt");
  auto disagree = OfKind(Check({months, other}), "implied_baseline");
  REQUIRE(disagree.size() == 2);  // and, as info, the year's 2.900 against the plan the 8 months imply
  CHECK(disagree[0].severity == "warning");
  CHECK(disagree[0].explanation.find("imply different plans") != std::string::npos);
  CHECK(disagree[1].severity == "info");
  auto plan = AnalyzeText("TP. Bắc Kạn năm 2023\nKế hoạch năm 2023 tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của "
                          "thành phố Bắc Kạn đạt 3.640 tỷ đồng.", "d.txt");
  auto stated = OfKind(Check({months, plan}), "implied_baseline");
  REQUIRE(stated.size() == 1);
  CHECK(stated[0].severity == "info");  // 2.400 ≈ 5% either way: 3.642 ± 182 holds 3.640
}

TEST_CASE("check: a stated change against the two values, in both readings", "[pipeline][check]") {
  auto fits = CheckText("Năm 2023, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của thành phố Thái Nguyên đạt 28.750 tỷ đồng, "
                        "tăng 13,4% so với năm 2022. Năm 2022, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ đạt 25.350 tỷ đồng.",
                        "stated_change");
  REQUIRE(fits.size() == 1);
  CHECK(fits[0].severity == "info");
  auto share = CheckText("Năm 2023, giá trị sản xuất công nghiệp của thành phố Thái Nguyên đạt 13.150 tỷ đồng, tăng 108,5% so "
                         "với năm 2022. Năm 2022, giá trị sản xuất công nghiệp đạt 12.120 tỷ đồng.", "stated_change");
  REQUIRE(share.size() == 1);
  CHECK(share[0].severity == "warning");
  CHECK(share[0].explanation.find("\"bằng 108,5%\" does") != std::string::npos);
  auto neither = CheckText("Năm 2023, giá trị sản xuất công nghiệp của thành phố Thái Nguyên đạt 13.150 tỷ đồng, tăng 20% so "
                           "với năm 2022. Năm 2022, giá trị sản xuất công nghiệp đạt 12.120 tỷ đồng.", "stated_change");
  REQUIRE(neither.size() == 1);
  CHECK(neither[0].explanation.find("neither") != std::string::npos);
  // Across documents, "cùng kỳ" is the same months a year earlier.
  auto now = AnalyzeText("Cao Bằng 6 tháng năm 2023\nTrong 6 tháng đầu năm 2023, tổng mức bán lẻ hàng hóa và doanh thu dịch "
                         "vụ của thành phố Cao Bằng ước đạt 2.210 tỷ đồng, tăng 8,3% so với cùng kỳ.", "a.txt");
  auto before = AnalyzeText("Cao Bằng 6 tháng năm 2022\nTrong 6 tháng đầu năm 2022, tổng mức bán lẻ hàng hóa và doanh thu dịch "
                            "vụ của thành phố Cao Bằng đạt 2.040 tỷ đồng.", "b.txt");
  auto across = OfKind(Check({now, before}), "stated_change");
  REQUIRE(across.size() == 1);
  CHECK(across[0].severity == "info");
  CHECK(across[0].claims[2].doc_id == before.doc.doc_id);
}

TEST_CASE("check: broken numbers are listed, clean ones are not", "[pipeline][check]") {
  auto f = CheckText("Năm 2023, giá trị sản xuất công nghiệp đạt 575, tỷ đồng.", "broken_number");
  REQUIRE(f.size() == 1);
  CHECK(f[0].claims[0].text == "575, tỷ đồng");
  CHECK(CheckText("Năm 2023, giá trị sản xuất công nghiệp đạt 575 tỷ đồng.", "broken_number").empty());
}

namespace {

// Checks the database made from `inputs` with `solieu check` (one series at
// a time, findings staged on disk) and with Check over every document in
// memory; the two must print and store the same findings in the same order.
std::vector<Finding> CheckBothWays(const std::vector<std::string>& inputs, const std::string& db) {
  IngestOptions opt;
  opt.inputs = inputs;
  opt.db_path = db;
  REQUIRE(solieu::Ingest(opt, [](const solieu::Skip&) {}).ok());
  std::vector<AnalyzedDocument> docs;
  {
    auto store = solieu::Store::Open(db, solieu::Store::Mode::kReadOnly);
    REQUIRE(store.ok());
    REQUIRE((*store)->ForEachDocument([&](const AnalyzedDocument& d) {
      docs.push_back(d);
      return solieu::Status::Ok();
    }).ok());
  }
  std::vector<Finding> whole = Check(docs);
  for (const std::string format : {"jsonl", "text"}) {
    std::ostringstream expected, out, err;
    if (format == "jsonl") solieu::PrintFindingsJsonl(whole, expected);
    else solieu::PrintFindingsText(whole, expected);
    solieu::CheckCommand command;
    command.db = db;
    command.format = format;
    REQUIRE(solieu::RunCheck(command, out, err).ok());
    CHECK(out.str() == expected.str());
  }
  auto store = solieu::Store::Open(db, solieu::Store::Mode::kReadOnly);
  REQUIRE(store.ok());
  sqlite3_stmt* st;
  REQUIRE(sqlite3_prepare_v2((*store)->db(), "SELECT f.kind, fc.claim_id FROM findings f JOIN finding_claims fc"
                             " USING (finding_id) ORDER BY f.finding_id, fc.idx", -1, &st, nullptr) == SQLITE_OK);
  std::vector<std::string> stored, held;
  while (sqlite3_step(st) == SQLITE_ROW) {
    stored.push_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) + " " +
                     reinterpret_cast<const char*>(sqlite3_column_text(st, 1)));
  }
  sqlite3_finalize(st);
  for (const Finding& f : whole) {
    for (const auto& c : f.claims) held.push_back(f.kind + " " + c.claim_id);
  }
  CHECK(stored == held);
  return whole;
}

}  // namespace

TEST_CASE("check: a database checked one series at a time gives the findings of Check in memory", "[pipeline][check]") {
  TempDir tmp;
  std::vector<Finding> whole = CheckBothWays({SourcePath("corpus/samples")}, tmp.Path("s.db"));
  std::set<std::string> kinds;
  for (const Finding& f : whole) kinds.insert(f.kind);
  for (const char* kind : {"cross_source_confirmation", "implied_baseline", "stated_change", "parts_total"}) {
    CHECK(kinds.count(kind));
  }
}

TEST_CASE("check: stated changes of different series keep the order of the claims that state them", "[pipeline][check]") {
  TempDir tmp;
  // Retail comes first in the text, budget revenue first among the series.
  std::ofstream(tmp.Path("2023.txt"))
      << "Thái Nguyên: kinh tế năm 2023\nNăm 2023, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của thành "
         "phố Thái Nguyên đạt 28.750 tỷ đồng, tăng 13,4% so với năm 2022. Thu ngân sách nhà nước trên địa bàn thành "
         "phố Thái Nguyên năm 2023 đạt 2.650 tỷ đồng, tăng 10% so với năm 2022.\n";
  std::ofstream(tmp.Path("2022.txt"))
      << "Thái Nguyên: kinh tế năm 2022\nNăm 2022, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của thành "
         "phố Thái Nguyên đạt 25.350 tỷ đồng. Thu ngân sách nhà nước trên địa bàn thành phố Thái Nguyên năm 2022 "
         "đạt 2.400 tỷ đồng.\n";
  std::vector<Finding> whole = CheckBothWays({tmp.Path("2023.txt"), tmp.Path("2022.txt")}, tmp.Path("s.db"));
  std::vector<std::string> stated;
  for (const Finding& f : whole) {
    if (f.kind == "stated_change") stated.push_back(f.claims.at(0).text);
  }
  CHECK(stated == std::vector<std::string>{"28.750 tỷ đồng", "2.650 tỷ đồng"});
}
