// The keys of claims and comparisons (schema/keys.sql): unique indexes that
// a bulk load into an empty database builds once at its end, that opening
// for writing makes again after a load killed before its end, and that an
// upgrade from version 3's primary keys brings in.
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "schema/store.h"
#include "schema/store_test_support.h"
#include "test_support.h"

using namespace solieu;
using solieu::testing::AnalyzeText;
using solieu::testing::Count;
using solieu::testing::kArticle;
using solieu::testing::StoredDocuments;
using solieu::testing::TempDir;

namespace {

int64_t IndexesOn(Store& s, const std::string& table) {
  return Count(s, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = '" + table + "'");
}

bool HasIndex(Store& s, const std::string& name) {
  return Count(s, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '" + name + "'") == 1;
}

std::unique_ptr<Store> OpenForWriting(const std::string& path) {
  auto store = Store::Open(path, Store::Mode::kReadWrite);
  REQUIRE(store.ok());
  return std::move(*store);
}

// What DocumentSink does before a bulk load, then one document.
void LoadWithoutIndexes(Store& store, const AnalyzedDocument& a) {
  auto run = store.BeginRun("ingest", "test", "{}");
  REQUIRE(run.ok());
  REQUIRE(store.SetForeignKeys(false).ok());
  REQUIRE(store.Begin().ok());
  REQUIRE(store.DeferIndexes().ok());
  REQUIRE(store.WriteDocument(a, *run).ok());
  REQUIRE(store.Commit().ok());
}

}  // namespace

TEST_CASE("Store loading into an empty database builds the keys of claims and comparisons once, at the end", "[schema]") {
  TempDir tmp;
  auto store = OpenForWriting(tmp.Path("k.db"));
  // A fresh database has its keys: foreign keys that name claims(claim_id) need them.
  CHECK(HasIndex(*store, "claims_by_id"));
  CHECK(HasIndex(*store, "comparisons_by_claim"));
  AnalyzedDocument a = AnalyzeText(kArticle, "a.txt");
  REQUIRE(a.claims.size() == 2);
  REQUIRE(a.claims[0].comparisons.size() == 1);
  LoadWithoutIndexes(*store, a);
  CHECK(IndexesOn(*store, "claims") == 0);
  CHECK(IndexesOn(*store, "comparisons") == 0);
  std::vector<std::pair<int, int>> told;
  REQUIRE(store->CreateIndexes([&](int built, int total) { told.emplace_back(built, total); }).ok());
  // One call before each index it builds and one after the last.
  const int built = static_cast<int>(Count(*store, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"));
  CHECK(built >= 5);
  REQUIRE(told.size() == static_cast<size_t>(built) + 1);
  for (int i = 0; i <= built; ++i) CHECK(told[i] == std::make_pair(i, built));
  CHECK(HasIndex(*store, "claims_by_id"));
  CHECK(HasIndex(*store, "comparisons_by_claim"));
  CHECK(HasIndex(*store, "claims_by_doc"));
  // The keys are unique: a second row with a stored claim's id is refused.
  std::string id = a.ClaimId(a.claims[0]);
  CHECK(sqlite3_exec(store->db(), ("INSERT INTO claims SELECT * FROM claims WHERE claim_id = '" + id + "'").c_str(),
                     nullptr, nullptr, nullptr) == SQLITE_CONSTRAINT);
  CHECK(sqlite3_exec(store->db(), "INSERT INTO comparisons SELECT * FROM comparisons", nullptr, nullptr, nullptr) ==
        SQLITE_CONSTRAINT);
  // A later load finds claims stored and keeps every index, row by row.
  LoadWithoutIndexes(*store, AnalyzeText("Thu ngân sách đạt 200 tỷ đồng.", "b.txt"));
  CHECK(HasIndex(*store, "claims_by_id"));
  CHECK(HasIndex(*store, "claims_by_doc"));
  CHECK(Count(*store, "SELECT count(*) FROM claims") == 3);
}

TEST_CASE("Store opened after a load killed before its end makes the keys again, and deleting a document cascades", "[schema]") {
  TempDir tmp;
  std::string path = tmp.Path("k.db");
  OpenForWriting(path).reset();
  pid_t pid = fork();
  if (pid == 0) {
    auto store = Store::Open(path, Store::Mode::kReadWrite);
    if (!store.ok()) _exit(1);
    LoadWithoutIndexes(**store, AnalyzeText(kArticle, "a.txt"));
    _exit(0);  // dies before CreateIndexes, as under SIGKILL
  }
  int status;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  auto store = OpenForWriting(path);
  CHECK(HasIndex(*store, "claims_by_id"));
  CHECK(HasIndex(*store, "comparisons_by_claim"));
  REQUIRE(Count(*store, "SELECT count(*) FROM comparisons") == 1);
  // With foreign keys on, as Open leaves them: without claims_by_id SQLite
  // would refuse this delete ("foreign key mismatch").
  char* error = nullptr;
  CHECK(sqlite3_exec(store->db(), "DELETE FROM documents", nullptr, nullptr, &error) == SQLITE_OK);
  CHECK(std::string(error ? error : "") == "");
  sqlite3_free(error);
  CHECK(Count(*store, "SELECT count(*) FROM claims") == 0);
  CHECK(Count(*store, "SELECT count(*) FROM comparisons") == 0);
}

TEST_CASE("Store refuses a document in which two claims share a span, naming it, and stores nothing of it", "[schema]") {
  TempDir tmp;
  auto store = OpenForWriting(tmp.Path("k.db"));
  auto run = store->BeginRun("ingest", "test", "{}");
  REQUIRE(run.ok());
  AnalyzedDocument a = AnalyzeText(kArticle, "bac-kan.txt");
  a.claims.push_back(a.claims[0]);  // as a damaged mapper line could carry it
  auto written = store->WriteDocument(a, *run);
  REQUIRE_FALSE(written.ok());
  CHECK(written.status().code() == Status::Code::kInvalidInput);
  const std::string& message = written.status().message();
  CHECK(message.find("bac-kan.txt") != std::string::npos);
  CHECK(message.find(a.doc.doc_id) != std::string::npos);
  CHECK(message.find(std::to_string(a.claims[0].span_begin) + "-" + std::to_string(a.claims[0].span_end)) !=
        std::string::npos);
  CHECK(Count(*store, "SELECT count(*) FROM documents") == 0);
  // The same claims in another order are told apart by their spans.
  AnalyzedDocument b = AnalyzeText(kArticle, "b.txt");
  std::swap(b.claims[0], b.claims[1]);
  CHECK(store->WriteDocument(b, *run).ok());
}

TEST_CASE("Store upgrades a version 3 database: claims and comparisons keep their rows, keyed by unique indexes", "[schema]") {
  TempDir tmp;
  std::string path = tmp.Path("v3.db");
  AnalyzedDocument a = AnalyzeText(kArticle, "a.txt");
  {
    // Written by this solieu, then copied into version 3's tables below.
    auto store = OpenForWriting(path);
    auto run = store->BeginRun("ingest", "test", "{}");
    REQUIRE(run.ok());
    REQUIRE(store->WriteDocument(a, *run).ok());
  }
  {
    // The version 3 file: its schema, then the rows, claims at their rowids.
    sqlite3* db;
    REQUIRE(sqlite3_open(tmp.Path("old.db").c_str(), &db) == SQLITE_OK);
    std::string v3 = solieu::testing::ReadFile(solieu::testing::SourcePath("tests/schema/data/schema_v3.sql"));
    REQUIRE(sqlite3_exec(db, v3.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    std::string copy = "ATTACH '" + path + "' AS cur;"
        " INSERT INTO runs SELECT * FROM cur.runs;"
        " INSERT INTO documents (doc_id, content_hash, source, url, title, published, encoding, encoding_confidence,"
        "   text, normalized, sentences, run_id) SELECT doc_id, content_hash, source, url, title, published, encoding,"
        "   encoding_confidence, text, normalized, sentences, run_id FROM cur.documents;"
        " INSERT INTO claims (rowid, claim_id, doc_id, sentence_idx, sentence_start, sentence_end, ord, span_start,"
        "   span_end, text, number, value, unit, dimension, si_value, si_unit, denominator, qualifier, modality, metric,"
        "   metric_key, indicator, entity, period_label, period_from, period_to, flags, part_of)"
        "   SELECT rowid + 40, claim_id, doc_id, sentence_idx, sentence_start, sentence_end, ord, span_start, span_end,"
        "   text, number, value, unit, dimension, si_value, si_unit, denominator, qualifier, modality, metric,"
        "   metric_key, indicator, entity, period_label, period_from, period_to, flags, part_of FROM cur.claims;"
        " INSERT INTO comparisons SELECT * FROM cur.comparisons;";
    char* error = nullptr;
    CHECK(sqlite3_exec(db, copy.c_str(), nullptr, nullptr, &error) == SQLITE_OK);
    CHECK(std::string(error ? error : "") == "");
    sqlite3_free(error);
    sqlite3_close(db);
  }
  auto store = OpenForWriting(tmp.Path("old.db"));
  CHECK(Count(*store, "SELECT user_version FROM pragma_user_version") == Store::kSchemaVersion);
  // No primary keys left, the keys and secondary indexes in their place.
  CHECK(Count(*store, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_c%'") == 0);
  CHECK(HasIndex(*store, "claims_by_id"));
  CHECK(HasIndex(*store, "comparisons_by_claim"));
  CHECK(HasIndex(*store, "claims_by_doc"));
  CHECK(HasIndex(*store, "claims_by_metric"));
  // Every row, claims at the rowids they had, and the views again.
  CHECK(Count(*store, "SELECT count(*) FROM claims WHERE rowid > 40") == 2);
  CHECK(Count(*store, "SELECT count(*) FROM comparisons_v") == 1);
  CHECK(Count(*store, "SELECT count(*) FROM facts WHERE sentence = 'Thành phố có 4.284 đảng viên.' AND value = 4284") == 1);
  std::vector<AnalyzedDocument> back = StoredDocuments(*store);
  REQUIRE(back.size() == 1);
  REQUIRE(back[0].claims.size() == a.claims.size());
  CHECK(back[0].ClaimId(back[0].claims[0]) == a.ClaimId(a.claims[0]));
  REQUIRE(back[0].claims[0].comparisons.size() == 1);
  CHECK(back[0].claims[0].comparisons[0].percent == a.claims[0].comparisons[0].percent);
  CHECK(Count(*store, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
}

TEST_CASE("Store names the keys and indexes a load killed before its end left unbuilt, until they are built", "[schema]") {
  TempDir tmp;
  auto store = OpenForWriting(tmp.Path("k.db"));
  // A fresh database has its keys; the other indexes come with the end of a first load.
  auto fresh = store->MissingIndexes();
  REQUIRE(fresh.ok());
  CHECK(std::count(fresh->begin(), fresh->end(), "claims_by_doc") == 1);
  CHECK(std::count(fresh->begin(), fresh->end(), "claims_by_id") == 0);
  LoadWithoutIndexes(*store, AnalyzeText(kArticle, "a.txt"));
  auto killed = store->MissingIndexes();
  REQUIRE(killed.ok());
  // Keys too, named as in the SQL files.
  CHECK(std::count(killed->begin(), killed->end(), "claims_by_id") == 1);
  CHECK(std::count(killed->begin(), killed->end(), "comparisons_by_claim") == 1);
  CHECK(std::count(killed->begin(), killed->end(), "claims_by_doc") == 1);
  CHECK(std::count(killed->begin(), killed->end(), "claims_by_metric") == 1);
  REQUIRE(store->CreateIndexes().ok());
  auto built = store->MissingIndexes();
  REQUIRE(built.ok());
  CHECK(built->empty());
}
