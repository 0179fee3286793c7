// What the Store tests (store_test.cc, store_keys_test.cc) share: the one
// number a query gives, the documents a store gives back, and a report
// sentence with a figure and its comparison beside a second figure.
#ifndef SOLIEU_TESTS_SCHEMA_STORE_TEST_SUPPORT_H_
#define SOLIEU_TESTS_SCHEMA_STORE_TEST_SUPPORT_H_

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "schema/store.h"

namespace solieu::testing {

inline int64_t Count(Store& s, const std::string& sql) {
  sqlite3_stmt* st;
  REQUIRE(sqlite3_prepare_v2(s.db(), sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  int64_t n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return n;
}

inline std::vector<AnalyzedDocument> StoredDocuments(Store& s) {
  std::vector<AnalyzedDocument> back;
  REQUIRE(s.ForEachDocument([&](const AnalyzedDocument& d) { back.push_back(d); return Status::Ok(); }).ok());
  return back;
}

// "bằng 107% Nghị quyết" is the first figure's comparison.
inline const char* const kArticle =
    "Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ đạt 3.200 tỷ đồng, bằng 107% Nghị quyết.\n"
    "Thành phố có 4.284 đảng viên.";

}  // namespace solieu::testing

#endif  // SOLIEU_TESTS_SCHEMA_STORE_TEST_SUPPORT_H_
