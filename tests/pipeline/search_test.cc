#include "pipeline/search.h"

#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <sstream>

#include "pipeline/ingest.h"
#include "test_support.h"

using namespace solieu;

TEST_CASE("Search finds sentences by words typed without diacritics and marks them", "[pipeline]") {
  testing::TempDir tmp;
  testing::WriteFile(tmp.Path("a.txt"),
                     "Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ đạt 3.200 tỷ đồng.\n"
                     "Thành uỷ kết nạp 126 đảng viên.\nThu ngân sách đạt 200 tỷ đồng.");
  IngestOptions opt;
  opt.inputs = {tmp.Path("a.txt")};
  opt.db_path = tmp.Path("f.db");
  REQUIRE(Ingest(opt, [](const Skip&) {}).ok());
  std::ostringstream out;
  auto n = SearchSentences(opt.db_path, "ban le hang hoa", {}, out);
  REQUIRE(n.ok());
  CHECK(*n == 1);
  CHECK_THAT(out.str(), Catch::Contains("Tổng mức [bán] [lẻ] [hàng] [hóa] và doanh thu"));
  CHECK_THAT(out.str(), Catch::Contains(tmp.Path("a.txt")));
  std::ostringstream out2;
  REQUIRE(*SearchSentences(opt.db_path, "THÀNH ỦY dang vien", {}, out2) == 1);
  CHECK_THAT(out2.str(), Catch::Contains("[Thành] [ủy] kết nạp 126 [đảng] [viên]"));
  std::ostringstream none;
  CHECK(*SearchSentences(opt.db_path, "\"ngan sach\" OR *", {}, none) == 0);  // FTS syntax is taken as words
}

TEST_CASE("Search adds documents stored since the last search to the index, once", "[pipeline]") {
  testing::TempDir tmp;
  testing::WriteFile(tmp.Path("a.txt"), "Thành uỷ kết nạp 126 đảng viên.");
  testing::WriteFile(tmp.Path("b.txt"), "Năm 2021, huyện Chợ Mới kết nạp 98 đảng viên mới.");
  IngestOptions opt;
  opt.inputs = {tmp.Path("a.txt")};
  opt.db_path = tmp.Path("f.db");
  REQUIRE(Ingest(opt, [](const Skip&) {}).ok());
  std::ostringstream first;
  REQUIRE(*SearchSentences(opt.db_path, "dang vien", {}, first) == 1);
  opt.inputs = {tmp.Path("b.txt")};  // a later ingest into the same database
  REQUIRE(Ingest(opt, [](const Skip&) {}).ok());
  std::ostringstream second;
  REQUIRE(*SearchSentences(opt.db_path, "dang vien", {}, second) == 2);
  CHECK_THAT(second.str(), Catch::Contains("huyện Chợ Mới kết nạp 98 [đảng] [viên] mới"));
  std::ostringstream third;  // nothing new: the index is not touched, and holds each sentence once
  REQUIRE(*SearchSentences(opt.db_path, "dang vien", {}, third) == 2);
  CHECK(third.str() == second.str());
  auto again = IndexForSearch(opt.db_path, false);
  REQUIRE(again.ok());
  CHECK(again->documents == 0);
}

TEST_CASE("Search of a database it cannot write, whose index lags, says how to bring it up to date", "[pipeline]") {
  if (geteuid() == 0) {
    WARN("skipped: running as root, a file's mode does not stop writes");
    return;
  }
  testing::TempDir tmp;
  testing::WriteFile(tmp.Path("a.txt"), "Thành uỷ kết nạp 126 đảng viên.");
  IngestOptions opt;
  opt.inputs = {tmp.Path("a.txt")};
  opt.db_path = tmp.Path("f.db");
  REQUIRE(Ingest(opt, [](const Skip&) {}).ok());
  REQUIRE(chmod(opt.db_path.c_str(), 0444) == 0);
  std::ostringstream out;
  auto n = SearchSentences(opt.db_path, "dang vien", {}, out);
  REQUIRE_FALSE(n.ok());
  CHECK_THAT(n.status().message(), Catch::Contains("f.db") && Catch::Contains("--search-index"));
}

TEST_CASE("Folded metric keys make hoá and hóa one metric in SQL", "[pipeline]") {
  testing::TempDir tmp;
  testing::WriteFile(tmp.Path("a.txt"), "Tổng mức bán lẻ hàng hoá đạt 3.200 tỷ đồng.");
  testing::WriteFile(tmp.Path("b.txt"), "Tổng mức bán lẻ hàng hóa đạt 3.645 tỷ đồng.");
  std::string out, err;
  REQUIRE(testing::RunSolieu("ingest " + tmp.path() + " --db " + tmp.Path("f.db"), &out, &err) == 0);
  REQUIRE(testing::RunSolieu("query --db " + tmp.Path("f.db") +
                                 " --csv \"SELECT count(DISTINCT metric_key) AS keys, count(*) AS n FROM claims"
                                 " WHERE metric_key = solieu_fold('tổng mức bán lẻ hàng HOÁ')\"",
                             &out) == 0);
  CHECK(out == "keys,n\n1,2\n");
}
