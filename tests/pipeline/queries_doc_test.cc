// docs/queries.md shows queries users will copy: each must run on the sample corpus and return rows.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "test_support.h"

using solieu::testing::RunSolieu;
using solieu::testing::SourcePath;
using solieu::testing::TempDir;

TEST_CASE("docs/queries.sql: every worked query runs on the sample corpus and returns rows", "[cli][docs]") {
  TempDir tmp;
  std::string db = tmp.Path("f.db"), out, err;
  REQUIRE(RunSolieu("ingest " + SourcePath("corpus/samples") + " --db " + db, &out, &err) == 0);
  REQUIRE(RunSolieu("check --db " + db, &out, &err) == 0);
  std::ifstream in(SourcePath("docs/queries.sql"));
  REQUIRE(in);
  std::stringstream all;
  all << in.rdbuf();
  std::string text = all.str(), block;
  int queries = 0;
  for (size_t at = 0; at < text.size();) {
    size_t end = text.find("\n\n", at);
    if (end == std::string::npos) end = text.size();
    std::string sql;
    std::istringstream lines(text.substr(at, end - at));
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("--", 0) != 0) sql += line + " ";
    }
    at = end + 2;
    if (sql.empty()) continue;
    ++queries;
    INFO(sql);
    std::string path = tmp.Path("q.sql");
    std::ofstream(path) << sql;
    REQUIRE(RunSolieu("query --db " + db + " \"$(cat " + path + ")\"", &out, &err) == 0);
    CHECK_THAT(out, !Catch::Contains("(0 rows)"));
  }
  CHECK(queries >= 12);
}
