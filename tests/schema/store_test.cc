#include "schema/store.h"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <memory>

#include "schema/store_test_support.h"
#include "test_support.h"

using namespace solieu;
using solieu::testing::AnalyzeText;
using solieu::testing::Count;
using solieu::testing::kArticle;
using solieu::testing::StoredDocuments;
using solieu::testing::TempDir;

namespace {

// A read-write store with a run begun, ready for WriteDocument.
struct Writing {
  std::unique_ptr<Store> store;
  int64_t run;
};
Writing OpenForWriting(const std::string& path) {
  auto store = Store::Open(path, Store::Mode::kReadWrite);
  REQUIRE(store.ok());
  auto run = (*store)->BeginRun("ingest", "test", "{}");
  REQUIRE(run.ok());
  return {std::move(*store), *run};
}

}  // namespace

TEST_CASE("Store writes a document and reads back the same claims", "[schema]") {
  TempDir tmp;
  auto [store, run] = OpenForWriting(tmp.Path("f.db"));
  AnalyzedDocument a = AnalyzeText(kArticle, "a.txt");
  REQUIRE(store->Begin().ok());
  auto added = store->WriteDocument(a, run);
  REQUIRE(added.ok());
  CHECK(*added);
  REQUIRE(store->Commit().ok());
  CHECK(Count(*store, "SELECT count(*) FROM claims") == 2);
  CHECK(Count(*store, "SELECT count(*) FROM comparisons") == 1);
  CHECK(Count(*store, "SELECT count(*) FROM facts WHERE sentence LIKE 'Tổng mức bán lẻ hàng hóa%'") == 1);
  std::vector<AnalyzedDocument> back = StoredDocuments(*store);
  REQUIRE(back.size() == 1);
  REQUIRE(back[0].claims.size() == a.claims.size());
  for (size_t i = 0; i < a.claims.size(); ++i) {
    CHECK(back[0].claims[i].text == a.claims[i].text);
    CHECK(back[0].claims[i].base_value == a.claims[i].base_value);
    CHECK(back[0].claims[i].metric == a.claims[i].metric);
    CHECK(back[0].SentenceText(back[0].claims[i].sentence) == a.SentenceText(a.claims[i].sentence));
    CHECK(back[0].claims[i].comparisons.size() == a.claims[i].comparisons.size());
  }
}

TEST_CASE("Store adds the same document only once", "[schema]") {
  TempDir tmp;
  auto [store, run] = OpenForWriting(tmp.Path("f.db"));
  AnalyzedDocument a = AnalyzeText(kArticle, "a.txt");
  auto first = store->WriteDocument(a, run);
  AnalyzedDocument again = AnalyzeText(kArticle, "copy/a.txt");
  auto second = store->WriteDocument(again, run);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(*first);
  CHECK_FALSE(*second);
  CHECK(Count(*store, "SELECT count(*) FROM documents") == 1);
  // Same id, different text: refused with the source named.
  AnalyzedDocument clash = AnalyzeText("Giải quyết việc làm cho 704 lao động.", "b.jsonl:3");
  clash.doc.doc_id = a.doc.doc_id;
  auto third = store->WriteDocument(clash, run);
  REQUIRE_FALSE(third.ok());
  CHECK_THAT(third.status().message(), Catch::Contains("b.jsonl:3") && Catch::Contains("already stored"));
}

TEST_CASE("Store answers the series queries by indicator from an index of only the claims that have one", "[schema]") {
  TempDir tmp;
  auto [store, run] = OpenForWriting(tmp.Path("f.db"));
  AnalyzedDocument a = AnalyzeText(kArticle, "a.txt");
  REQUIRE(store->WriteDocument(a, run).ok());
  REQUIRE(store->CreateIndexes().ok());  // as at the end of a bulk load
  auto plan = [&](const char* sql) {
    sqlite3_stmt* st;
    REQUIRE(sqlite3_prepare_v2(store->db(), (std::string("EXPLAIN QUERY PLAN ") + sql).c_str(), -1, &st, nullptr) == SQLITE_OK);
    std::string detail;
    while (sqlite3_step(st) == SQLITE_ROW) detail += reinterpret_cast<const char*>(sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    return detail;
  };
  // docs/queries.md: a series, and the indicators the corpus reports most.
  CHECK_THAT(plan("SELECT * FROM claims WHERE indicator = 'retail_sales' AND entity = 'thành phố Bắc Kạn' ORDER BY period_from"),
             Catch::Contains("claims_by_indicator"));
  CHECK_THAT(plan("SELECT indicator, count(*) FROM claims WHERE indicator IS NOT NULL GROUP BY indicator"),
             Catch::Contains("claims_by_indicator"));
  CHECK(Count(*store, "SELECT count(*) FROM pragma_index_list('claims') WHERE name = 'claims_by_indicator' AND partial") == 1);
}

TEST_CASE("Store opened for writing uses the write-ahead log, and a reader goes on beside its writer", "[schema]") {
  TempDir tmp;
  auto [store, run] = OpenForWriting(tmp.Path("w.db"));
  CHECK(store->write_ahead_log());
  // Opened before the writer's transaction, which opening (a schema check) would wait for.
  auto reader = Store::Open(tmp.Path("w.db"), Store::Mode::kReadWrite);
  REQUIRE(reader.ok());
  REQUIRE(store->Begin().ok());
  REQUIRE(store->WriteDocument(AnalyzeText(kArticle, "a.txt"), run).ok());
  // The writer's transaction is open: the second connection still answers at once.
  auto has = (*reader)->HasContent(AnalyzeText(kArticle, "a.txt").doc.content_hash);
  REQUIRE(has.ok());
  CHECK_FALSE(*has);  // not committed yet
  REQUIRE(store->Commit().ok());
  has = (*reader)->HasContent(AnalyzeText(kArticle, "a.txt").doc.content_hash);
  REQUIRE(has.ok());
  CHECK(*has);
}

TEST_CASE("Store makes a new database with 16 KiB pages, and keeps the pages of one made before", "[schema]") {
  TempDir tmp;
  {
    auto [store, run] = OpenForWriting(tmp.Path("new.db"));
    REQUIRE(store->WriteDocument(AnalyzeText(kArticle, "a.txt"), run).ok());
    CHECK(Count(*store, "PRAGMA page_size") == Store::kPageSize);
  }
  // A database made by an earlier solieu (4 KiB pages, already holding
  // facts) is written to with the pages it has: SQLite cannot change them
  // in place, and a solieu that tried would fail or rebuild the file.
  std::string old_path = tmp.Path("old.db");
  {
    auto [store, run] = OpenForWriting(old_path);
    REQUIRE(store->WriteDocument(AnalyzeText(kArticle, "a.txt"), run).ok());
  }
  sqlite3* db;
  REQUIRE(sqlite3_open(old_path.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "PRAGMA journal_mode=DELETE; PRAGMA page_size=4096; VACUUM;", nullptr, nullptr, nullptr) ==
          SQLITE_OK);
  sqlite3_close(db);
  auto [store, run] = OpenForWriting(old_path);
  CHECK(Count(*store, "PRAGMA page_size") == 4096);
  REQUIRE(store->WriteDocument(AnalyzeText(std::string(kArticle) + " Thêm 12 tỷ đồng.", "b.txt"), run).ok());
  CHECK(Count(*store, "SELECT count(*) FROM documents") == 2);
  CHECK(Count(*store, "PRAGMA page_size") == 4096);
}

TEST_CASE("Store refuses a file that is not a solieu database, and a newer schema", "[schema]") {
  TempDir tmp;
  solieu::testing::WriteFile(tmp.Path("notes.db"), "these are not the pages of a database, just text\n");
  auto bad = Store::Open(tmp.Path("notes.db"), Store::Mode::kReadWrite);
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().message(), Catch::Contains("notes.db") && Catch::Contains("not a solieu database"));

  sqlite3* db;
  sqlite3_open(tmp.Path("new.db").c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE x(a); PRAGMA user_version=99;", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto newer = Store::Open(tmp.Path("new.db"), Store::Mode::kReadWrite);
  REQUIRE_FALSE(newer.ok());
  CHECK_THAT(newer.status().message(), Catch::Contains("version 99") && Catch::Contains("newer"));

  auto missing = Store::Open(tmp.Path("absent.db"), Store::Mode::kReadOnly);
  CHECK_FALSE(missing.ok());
}

TEST_CASE("Store keeps only whole documents when the writer is killed mid-transaction", "[schema]") {
  TempDir tmp;
  std::string path = tmp.Path("f.db");
  {
    auto [store, run] = OpenForWriting(path);
    REQUIRE(store->WriteDocument(AnalyzeText(kArticle, "a.txt"), run).ok());
  }
  pid_t pid = fork();
  if (pid == 0) {
    auto store = Store::Open(path, Store::Mode::kReadWrite);
    (*store)->Begin();
    (*store)->WriteDocument(AnalyzeText("Thu ngân sách đạt 200 tỷ đồng.", "b.txt"), 1);
    _exit(0);  // dies without COMMIT, as under SIGKILL
  }
  int status;
  waitpid(pid, &status, 0);
  auto store = Store::Open(path, Store::Mode::kReadWrite);
  REQUIRE(store.ok());
  CHECK(Count(**store, "SELECT count(*) FROM documents") == 1);
  CHECK(Count(**store, "SELECT count(*) FROM claims WHERE doc_id NOT IN (SELECT doc_id FROM documents)") == 0);
  sqlite3_stmt* st;
  sqlite3_prepare_v2((*store)->db(), "PRAGMA integrity_check", -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "ok");
  sqlite3_finalize(st);
}

TEST_CASE("Store migrates a version 1 database (before findings) and keeps its facts", "[schema]") {
  TempDir tmp;
  std::string path = tmp.Path("v1.db");
  {
    auto [store, run] = OpenForWriting(path);
    REQUIRE(store->WriteDocument(AnalyzeText(kArticle, "a.txt"), run).ok());
  }
  sqlite3* db;
  sqlite3_open(path.c_str(), &db);
  // What solieu 0.x with schema version 1 left: no findings tables.
  REQUIRE(sqlite3_exec(db, "DROP VIEW findings_v; DROP TABLE finding_claims; DROP TABLE findings; PRAGMA user_version=1;",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  auto store = Store::Open(path, Store::Mode::kReadWrite);
  REQUIRE(store.ok());
  solieu::Finding f;
  f.kind = "broken_number"; f.severity = "warning"; f.arithmetic = "x"; f.explanation = "e"; f.explanation_vi = "v";
  size_t claims = 0;
  std::string claim_id;
  REQUIRE((*store)->ForEachDocument([&](const solieu::AnalyzedDocument& d) {
    claims += d.claims.size();
    claim_id = d.ClaimId(d.claims[0]);
    return solieu::Status::Ok();
  }).ok());
  CHECK(claims > 0);
  f.claims.push_back({claim_id, "", "", 0, 0, "", 0, "", std::nullopt, "value", ""});
  REQUIRE((*store)->StageFinding(f, {}).ok());
  REQUIRE((*store)->ReplaceFindings(1).ok());
  sqlite3_stmt* st;
  sqlite3_prepare_v2((*store)->db(), "SELECT (SELECT count(*) FROM findings_v), (SELECT user_version FROM pragma_user_version)", -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(sqlite3_column_int(st, 0) == 1);
  CHECK(sqlite3_column_int(st, 1) == Store::kSchemaVersion);
  sqlite3_finalize(st);
}

TEST_CASE("Store leaves the search index to UpdateSearchIndex, which adds only the documents not yet in it", "[schema]") {
  TempDir tmp;
  auto [store, run] = OpenForWriting(tmp.Path("s.db"));
  AnalyzedDocument article = AnalyzeText(kArticle, "a.txt");
  REQUIRE(store->Begin().ok());
  REQUIRE(store->WriteDocument(article, run).ok());
  REQUIRE(store->Commit().ok());
  // The load writes no search rows: until the update, search finds nothing.
  CHECK(Count(*store, "SELECT count(*) FROM sentence_search") == 0);
  CHECK(*store->CountUnindexedDocuments() == 1);
  CHECK(store->Search("ban le hang hoa", 10)->empty());
  std::vector<int64_t> reported;
  REQUIRE(store->UpdateSearchIndex([&](int64_t done) { reported.push_back(done); }).ok());
  CHECK(reported == std::vector<int64_t>{1});
  CHECK(Count(*store, "SELECT count(*) FROM sentence_search") == 2);
  CHECK(*store->CountUnindexedDocuments() == 0);
  auto hits = store->Search("ban le hang hoa", 10);
  REQUIRE(hits->size() == 1);
  CHECK((*hits)[0].doc_id == article.doc.doc_id);
  CHECK((*hits)[0].sentence_idx == 0);

  // A later load, then another update: only the new document's sentence is added.
  AnalyzedDocument later = AnalyzeText("Thành ủy Bắc Kạn kết nạp 120 đảng viên mới.", "b.txt");
  REQUIRE(store->Begin().ok());
  REQUIRE(store->WriteDocument(later, run).ok());
  REQUIRE(store->Commit().ok());
  CHECK(*store->CountUnindexedDocuments() == 1);
  REQUIRE(store->UpdateSearchIndex().ok());
  CHECK(Count(*store, "SELECT count(*) FROM sentence_search") == 3);
  CHECK(store->Search("ban le hang hoa", 10)->size() == 1);
  auto dang_vien = store->Search("dang vien", 10);
  REQUIRE(dang_vien->size() == 2);  // "4.284 đảng viên" and "120 đảng viên mới", each once
  auto moi = store->Search("dang vien moi", 10);
  REQUIRE(moi->size() == 1);
  CHECK((*moi)[0].doc_id == later.doc.doc_id);
  CHECK((*moi)[0].sentence == "Thành ủy Bắc Kạn kết nạp 120 đảng viên mới.");
}

TEST_CASE("Store brings the search index up to date a batch of documents per transaction", "[schema]") {
  TempDir tmp;
  auto [store, run] = OpenForWriting(tmp.Path("s.db"));
  REQUIRE(store->Begin().ok());
  size_t bytes = 0;
  for (int i = 0; i < 300; ++i) {
    std::string text = "Xã " + std::to_string(i) + " có " + std::to_string(1000 + i) + " hộ dân.";
    AnalyzedDocument a = AnalyzeText(text, "x" + std::to_string(i) + ".txt");
    bytes += a.normalized.size();
    REQUIRE(store->WriteDocument(a, run).ok());
  }
  REQUIRE(store->Commit().ok());
  std::vector<int64_t> reported;
  std::vector<int64_t> reached;  // the state as each batch's transaction left it
  // Batches of a third of the text: each ends at the document that reaches it.
  REQUIRE(store->UpdateSearchIndex([&](int64_t done) {
    reported.push_back(done);
    reached.push_back(Count(*store, "SELECT indexed_through FROM search_index_state"));
  }, bytes / 3).ok());
  REQUIRE(reported.size() == 3);
  CHECK(reported.back() == 300);
  CHECK(reported[0] > 90);
  CHECK(reported[0] < 110);
  CHECK(reached == reported);  // documents' rowids are 1 to 300
  CHECK(Count(*store, "SELECT count(*) FROM sentence_search") == 300);
  CHECK(store->Search("ho dan", 500)->size() == 300);
}

namespace {

// A database as schema version 2 left it (tests/schema/data/schema_v2.sql):
// a row per sentence, no sentence spans on documents or claims.
void WriteVersion2(const std::string& path, const AnalyzedDocument& a) {
  sqlite3* db;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  std::string schema = solieu::testing::ReadFile(solieu::testing::SourcePath("tests/schema/data/schema_v2.sql"));
  REQUIRE(sqlite3_exec(db, schema.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  auto run = [&](const std::string& sql, const std::vector<std::string>& values) {
    sqlite3_stmt* st;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
    for (size_t i = 0; i < values.size(); ++i) {
      sqlite3_bind_text(st, static_cast<int>(i + 1), values[i].data(), static_cast<int>(values[i].size()), SQLITE_TRANSIENT);
    }
    REQUIRE(sqlite3_step(st) == SQLITE_DONE);
    sqlite3_finalize(st);
  };
  const Document& d = a.doc;
  run("INSERT INTO documents (doc_id, content_hash, source, published, encoding, text, normalized)"
      " VALUES (?,?,?,?,'utf-8',?,?)", {d.doc_id, d.content_hash, d.source, d.published.value_or(""), d.text, a.normalized});
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    const SentenceRecord& r = a.sentences[i];
    run("INSERT INTO sentences VALUES (?,?,?,?,?,?)", {d.doc_id, std::to_string(i), std::to_string(r.norm_begin),
        std::to_string(r.norm_end), std::to_string(r.begin), std::to_string(r.end)});
  }
  for (size_t i = 0; i < a.claims.size(); ++i) {
    const Claim& c = a.claims[i];
    run("INSERT INTO claims (claim_id, doc_id, sentence_idx, ord, span_start, span_end, text, number, value, unit,"
        " dimension, modality, metric, metric_key, flags) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'[]')",
        {a.ClaimId(c), d.doc_id, std::to_string(c.sentence), std::to_string(i), std::to_string(c.span_begin),
         std::to_string(c.span_end), c.text, c.number, std::to_string(c.value), c.unit, c.dimension, c.modality,
         c.metric, c.metric});
  }
  sqlite3_close(db);
}

}  // namespace

TEST_CASE("Store upgrades a version 2 database: sentence rows become spans on documents and claims", "[schema]") {
  TempDir tmp;
  AnalyzedDocument a = AnalyzeText(kArticle, "a.txt");
  REQUIRE(a.sentences.size() == 2);
  WriteVersion2(tmp.Path("v2.db"), a);
  auto store = Store::Open(tmp.Path("v2.db"), Store::Mode::kReadWrite);
  REQUIRE(store.ok());
  CHECK(Count(**store, "SELECT user_version FROM pragma_user_version") == Store::kSchemaVersion);
  CHECK(Count(**store, "SELECT count(*) FROM sqlite_master WHERE name = 'sentences' AND type = 'view'") == 1);
  // The spans as they were, now on the document, and read back whole.
  std::vector<AnalyzedDocument> back = StoredDocuments(**store);
  REQUIRE(back.size() == 1);
  REQUIRE(back[0].sentences.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    CHECK(back[0].sentences[i].norm_begin == a.sentences[i].norm_begin);
    CHECK(back[0].sentences[i].norm_end == a.sentences[i].norm_end);
    CHECK(back[0].sentences[i].begin == a.sentences[i].begin);
    CHECK(back[0].sentences[i].end == a.sentences[i].end);
  }
  CHECK(back[0].claims.size() == a.claims.size());
  // Each claim's sentence, through the views.
  CHECK(Count(**store, "SELECT count(*) FROM facts WHERE sentence LIKE 'Tổng mức bán lẻ hàng hóa%' AND value = 3200") == 1);
  CHECK(Count(**store, "SELECT count(*) FROM facts WHERE sentence = 'Thành phố có 4.284 đảng viên.' AND value = 4284") == 1);
  CHECK(Count(**store, "SELECT count(*) FROM sentences WHERE idx = 1 AND sentence = 'Thành phố có 4.284 đảng viên.'") == 1);
  // Version 2 indexed each document as it was written: the search index is taken as whole.
  CHECK(*(*store)->CountUnindexedDocuments() == 0);
}

TEST_CASE("Store upgrades an older database it is asked only to read, once", "[schema]") {
  TempDir tmp;
  WriteVersion2(tmp.Path("v2.db"), AnalyzeText(kArticle, "a.txt"));
  auto read_only = Store::Open(tmp.Path("v2.db"), Store::Mode::kReadOnly);
  REQUIRE(read_only.ok());
  CHECK(Count(**read_only, "SELECT user_version FROM pragma_user_version") == Store::kSchemaVersion);
  CHECK(Count(**read_only, "SELECT count(*) FROM facts WHERE sentence = 'Thành phố có 4.284 đảng viên.'") == 1);
}

TEST_CASE("Store names the database and document whose sentence spans are damaged", "[schema]") {
  TempDir tmp;
  auto [store, run] = OpenForWriting(tmp.Path("f.db"));
  AnalyzedDocument a = AnalyzeText(kArticle, "a.txt");
  REQUIRE(store->WriteDocument(a, run).ok());
  REQUIRE(store->UpdateSearchIndex().ok());
  // A span past the end of the normalized text, as a hand edit or a broken copy might leave.
  REQUIRE(sqlite3_exec(store->db(), "UPDATE documents SET sentences = '[[0,99999,0,5],[5,9,5,9]]'", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  Status read = store->ForEachDocument([](const AnalyzedDocument&) { return Status::Ok(); });
  REQUIRE_FALSE(read.ok());
  CHECK_THAT(read.message(), Catch::Contains("f.db") && Catch::Contains(a.doc.doc_id) && Catch::Contains("documents.sentences"));
  auto hits = store->Search("dang vien", 10);
  REQUIRE_FALSE(hits.ok());
  CHECK_THAT(hits.status().message(), Catch::Contains("documents.sentences"));
}

TEST_CASE("Store takes a version 2 database's search index as whole: it was filled as documents were written", "[schema]") {
  TempDir tmp;
  std::string path = tmp.Path("v2.db");
  {
    auto [store, run] = OpenForWriting(path);
    REQUIRE(store->WriteDocument(AnalyzeText(kArticle, "a.txt"), run).ok());
    REQUIRE(store->UpdateSearchIndex().ok());
  }
  sqlite3* db;
  sqlite3_open(path.c_str(), &db);
  // What schema version 2 left: search rows written with each document, no state.
  REQUIRE(sqlite3_exec(db, "DROP TABLE search_index_state; PRAGMA user_version=2;", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  {
    auto read_only = Store::Open(path, Store::Mode::kReadOnly);
    REQUIRE(read_only.ok());
    CHECK(*(*read_only)->CountUnindexedDocuments() == 0);
    CHECK((*read_only)->Search("dang vien", 10)->size() == 1);
  }
  auto store = Store::Open(path, Store::Mode::kReadWrite);  // upgrades it
  REQUIRE(store.ok());
  CHECK(*(*store)->CountUnindexedDocuments() == 0);
  CHECK(Count(**store, "SELECT indexed_through FROM search_index_state") == 1);
  REQUIRE((*store)->UpdateSearchIndex().ok());
  CHECK(Count(**store, "SELECT count(*) FROM sentence_search") == 2);  // not indexed twice
}

namespace {

solieu::Finding Named(const std::string& explanation, const std::string& severity = "warning") {
  solieu::Finding f;
  f.kind = "stated_change"; f.severity = severity; f.explanation = explanation; f.explanation_vi = explanation;
  return f;
}

std::vector<std::string> Column(Store& s, const char* sql) {
  std::vector<std::string> out;
  sqlite3_stmt* st;
  REQUIRE(sqlite3_prepare_v2(s.db(), sql, -1, &st, nullptr) == SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  return out;
}

}  // namespace

TEST_CASE("Store stores staged findings in the order of their places, then of staging", "[schema]") {
  TempDir tmp;
  auto [store, run] = OpenForWriting(tmp.Path("f.db"));
  REQUIRE(store->WriteDocument(AnalyzeText(kArticle, "a.txt"), run).ok());
  REQUIRE(store->StageFinding(Named("third"), {{1, 0, 0, 0}}, "3\n").ok());
  REQUIRE(store->StageFinding(Named("second", "error"), {{0, 5, 0, 0}}, "2\n").ok());
  REQUIRE(store->StageFinding(Named("first", "error"), {{0, 1, 9, 9}}, "1\n").ok());
  REQUIRE(store->StageFinding(Named("fourth"), {{1, 0, 0, 0}}, "4\n").ok());
  REQUIRE(store->ReplaceFindings(run).ok());
  CHECK(Column(*store, "SELECT explanation FROM findings ORDER BY finding_id") ==
        std::vector<std::string>{"first", "second", "third", "fourth"});
  CHECK(Column(*store, "SELECT min(finding_id) FROM findings") == std::vector<std::string>{"1"});
  std::string printed, severities;
  REQUIRE(store->ForEachStagedFinding([&](const std::string& severity, const std::string& p) {
    printed += p;
    severities += severity[0];
    return Status::Ok();
  }).ok());
  CHECK(printed == "1\n2\n3\n4\n");
  CHECK(severities == "eeww");
  // A second check replaces them all, and one that finds nothing leaves none.
  auto again = Store::Open(tmp.Path("f.db"), Store::Mode::kReadWrite);
  REQUIRE(again.ok());
  REQUIRE((*again)->StageFinding(Named("only"), {}).ok());
  REQUIRE((*again)->ReplaceFindings(run).ok());
  CHECK(Column(**again, "SELECT explanation FROM findings") == std::vector<std::string>{"only"});
  auto none = Store::Open(tmp.Path("f.db"), Store::Mode::kReadWrite);
  REQUIRE(none.ok());
  REQUIRE((*none)->ReplaceFindings(run).ok());
  CHECK(Count(**none, "SELECT count(*) FROM findings") == 0);
}

TEST_CASE("Store gives back staged claims a group at a time, in key order, with their sentences", "[schema]") {
  TempDir tmp;
  auto [store, run] = OpenForWriting(tmp.Path("f.db"));
  std::vector<AnalyzedDocument> docs = {
      AnalyzeText("Thành phố Thái Nguyên năm 2023\nNăm 2023, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng "
                  "của thành phố Thái Nguyên đạt 28.750 tỷ đồng, bằng 101,2% kế hoạch, tăng 13,4% so với năm 2022. Thu ngân sách nhà nước "
                  "trên địa bàn năm 2023 đạt 2.650 tỷ đồng. Thành phố có 4.284 đảng viên.", "a.txt"),
      AnalyzeText("Bắc Kạn: năm 2023\nNăm 2023, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của thành phố "
                  "Bắc Kạn đạt 3.200 tỷ đồng, bằng 108,6% kế hoạch.", "b.txt"),
      AnalyzeText("Thái Nguyên: năm 2022\nNăm 2022, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng của "
                  "thành phố Thái Nguyên đạt 25.350 tỷ đồng.", "c.txt")};
  // Grouped here by indicator and entity; claims without both are not staged.
  size_t staged = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    std::vector<std::pair<int, std::string>> grouped;
    for (size_t i = 0; i < docs[d].claims.size(); ++i) {
      const Claim& c = docs[d].claims[i];
      if (c.indicator && c.entity) grouped.push_back({static_cast<int>(i), *c.indicator + "|" + *c.entity + "|"});
    }
    staged += grouped.size();
    REQUIRE(store->StageForSeries(docs[d], static_cast<int64_t>(10 * d), grouped).ok());
  }
  REQUIRE(staged >= 4);
  std::vector<std::string> keys;
  size_t given = 0, retail_thai_nguyen = 0, with_two_comparisons = 0;
  REQUIRE(store->ForEachStagedSeries([&](const std::vector<AnalyzedDocument>& group, const std::vector<int64_t>& order) {
    REQUIRE(group.size() == order.size());
    REQUIRE(!group.empty());
    CHECK(std::is_sorted(order.begin(), order.end()));
    const Claim& first = group[0].claims.at(0);
    keys.push_back(*first.indicator + "|" + *first.entity + "|");
    for (size_t g = 0; g < group.size(); ++g) {
      const AnalyzedDocument& d = group[g];
      const AnalyzedDocument& whole = docs.at(order[g] / 10);
      CHECK(d.doc.doc_id == whole.doc.doc_id);
      CHECK(d.doc.source == whole.doc.source);
      for (const Claim& c : d.claims) {
        ++given;
        CHECK(c.entity == first.entity);
        CHECK(c.indicator == first.indicator);
        auto same = std::find_if(whole.claims.begin(), whole.claims.end(),
                                 [&](const Claim& w) { return w.span_begin == c.span_begin; });
        REQUIRE(same != whole.claims.end());
        CHECK(d.ClaimId(c) == whole.ClaimId(*same));
        CHECK(c.text == same->text);
        CHECK(c.base_value == same->base_value);
        REQUIRE(c.period.has_value() == same->period.has_value());
        if (c.period) CHECK(c.period->label + c.period->from + c.period->to == same->period->label + same->period->from + same->period->to);
        CHECK(d.SentenceText(c.sentence) == whole.SentenceText(same->sentence));
        REQUIRE(c.comparisons.size() == same->comparisons.size());
        with_two_comparisons += c.comparisons.size() == 2;
        for (size_t k = 0; k < c.comparisons.size(); ++k) {
          CHECK(c.comparisons[k].text == same->comparisons[k].text);
          CHECK(c.comparisons[k].percent == same->comparisons[k].percent);
          CHECK(c.comparisons[k].baseline_kind == same->comparisons[k].baseline_kind);
        }
        if (c.indicator == std::optional<std::string>("retail_sales") &&
            c.entity == std::optional<std::string>("thành phố Thái Nguyên")) {
          ++retail_thai_nguyen;
        }
      }
    }
    return Status::Ok();
  }).ok());
  CHECK(given == staged);
  CHECK(with_two_comparisons == 1);  // "bằng 101,2% kế hoạch, tăng 13,4% so với năm 2022"
  CHECK(std::is_sorted(keys.begin(), keys.end()));
  CHECK(std::adjacent_find(keys.begin(), keys.end()) == keys.end());  // each group once
  CHECK(retail_thai_nguyen == 2);  // 2023 in a.txt and 2022 in c.txt, in one group
  CHECK(std::find(keys.begin(), keys.end(), "retail_sales|thành phố Bắc Kạn|") != keys.end());
}

namespace {

// SQLite virtual-machine instructions spent in `work`, counted by the
// progress handler: a measure of work that does not depend on the machine.
int64_t VmInstructions(Store& s, const std::function<void()>& work) {
  int64_t ticks = 0;
  sqlite3_progress_handler(s.db(), 100, [](void* n) { ++*static_cast<int64_t*>(n); return 0; }, &ticks);
  work();
  sqlite3_progress_handler(s.db(), 0, nullptr, nullptr);
  return ticks * 100;
}

}  // namespace

TEST_CASE("Store joins check's working tables through their indexes: work grows with what is staged, not its square", "[schema]") {
  AnalyzedDocument a = AnalyzeText("Năm 2023, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của thành phố Bắc Kạn đạt "
                                   "3.200 tỷ đồng, bằng 108,6% kế hoạch.", "a.txt");
  REQUIRE(!a.claims.empty());
  REQUIRE(a.claims[0].comparisons.size() == 1);
  // n copies of a claim with its comparison, read back; n findings of two claims each, stored.
  auto work = [&](int n) {
    TempDir tmp;
    auto [store, run] = OpenForWriting(tmp.Path("f.db"));
    REQUIRE(store->WriteDocument(a, run).ok());
    for (int i = 0; i < n; ++i) REQUIRE(store->StageForSeries(a, i, {{0, "retail_sales|thành phố Bắc Kạn|"}}).ok());
    size_t comparisons = 0;
    int64_t read = VmInstructions(*store, [&] {
      REQUIRE(store->ForEachStagedSeries([&](const std::vector<AnalyzedDocument>& docs, const std::vector<int64_t>&) {
        for (const auto& d : docs) comparisons += d.claims.at(0).comparisons.size();
        return Status::Ok();
      }).ok());
    });
    CHECK(comparisons == static_cast<size_t>(n));
    std::string id = a.ClaimId(a.claims[0]);
    for (int i = 0; i < n; ++i) {
      solieu::Finding f = Named("đạt " + std::to_string(i));
      for (int k = 0; k < 2; ++k) f.claims.push_back({id, "", "", 0, 0, "", 0, "", std::nullopt, "value", ""});
      REQUIRE(store->StageFinding(f, {i, 0, 0, 0}).ok());
    }
    int64_t stored = VmInstructions(*store, [&] { REQUIRE(store->ReplaceFindings(run).ok()); });
    CHECK(Count(*store, "SELECT count(*) FROM finding_claims") == 2 * n);
    return std::make_pair(read, stored);
  };
  auto [read_small, stored_small] = work(500);
  auto [read_large, stored_large] = work(2000);
  // Four times as much: about four times the work through an index (a little
  // more for sorting), sixteen times when a join scans.
  CHECK(read_large < 6 * read_small);
  CHECK(stored_large < 6 * stored_small);
}

TEST_CASE("Store says where check's working tables live when they cannot grow, and keeps the findings", "[schema]") {
  TempDir tmp;
  std::string path = tmp.Path("f.db");
  {
    auto [store, run] = OpenForWriting(path);
    REQUIRE(store->WriteDocument(AnalyzeText(kArticle, "a.txt"), run).ok());
    REQUIRE(store->StageFinding(Named("kept"), {}).ok());
    REQUIRE(store->ReplaceFindings(run).ok());
  }
  auto store = Store::Open(path, Store::Mode::kReadWrite);
  REQUIRE(store.ok());
  // A temporary directory that fills up: once staging has begun, the
  // temporary database may grow by two pages only.
  REQUIRE((*store)->StageFinding(Named("small"), {}).ok());
  int64_t pages = Count(**store, "SELECT page_count FROM pragma_page_count('temp')");
  std::string limit = "PRAGMA temp.max_page_count = " + std::to_string(pages + 2);
  REQUIRE(sqlite3_exec((*store)->db(), limit.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  solieu::Finding big = Named("big");
  big.arithmetic = std::string(64 * 1024, 'x');
  Status staged = Status::Ok();
  for (int i = 0; i < 16 && staged.ok(); ++i) staged = (*store)->StageFinding(big, {});
  REQUIRE(!staged.ok());
  CHECK_THAT(staged.message(), Catch::Contains(path) && Catch::Contains("SQLITE_TMPDIR") && Catch::Contains("full"));
  store->reset();  // the check gives up: the findings stored before stay
  auto again = Store::Open(path, Store::Mode::kReadOnly);
  REQUIRE(again.ok());
  CHECK(Column(**again, "SELECT explanation FROM findings") == std::vector<std::string>{"kept"});
}

TEST_CASE("Store names the database when it cannot write a document for a full disk, and keeps what was stored", "[schema]") {
  TempDir tmp;
  std::string path = tmp.Path("f.db");
  auto [store, run] = OpenForWriting(path);
  REQUIRE(store->Begin().ok());
  REQUIRE(store->WriteDocument(AnalyzeText(kArticle, "a.txt"), run).ok());
  REQUIRE(store->Commit().ok());
  // A disk that fills up: the file may grow by two pages only, and a long
  // report needs more.
  int64_t pages = Count(*store, "PRAGMA page_count");
  REQUIRE(sqlite3_exec(store->db(), ("PRAGMA max_page_count = " + std::to_string(pages + 2)).c_str(), nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  std::string report;
  for (int i = 0; i < 400; ++i) report += "Xã " + std::to_string(i) + " có " + std::to_string(100 + i) + " hộ nghèo. ";
  REQUIRE(store->Begin().ok());
  auto written = store->WriteDocument(AnalyzeText(report, "b.txt"), run);
  REQUIRE_FALSE(written.ok());
  CHECK_THAT(written.status().message(), Catch::Contains(path) && Catch::Contains("full"));
  store.reset();  // the load gives up without committing
  auto again = Store::Open(path, Store::Mode::kReadOnly);
  REQUIRE(again.ok());
  CHECK(Count(**again, "SELECT count(*) FROM documents") == 1);
}
