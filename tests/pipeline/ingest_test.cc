// What Ingest sets up around the pipeline: the reader's lookup connection, and a stop asked for.
// (Whole ingests are checked in samples_test, parallel_test and scale_out_test.)
#include "pipeline/ingest.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "pipeline/export.h"
#include "schema/store.h"
#include "schema/store_test_support.h"
#include "test_support.h"

using namespace solieu;

TEST_CASE("The reader's lookup connection caches 256 KiB of pages, and the writer's keeps SQLite's default",
          "[pipeline]") {
  testing::TempDir tmp;
  auto writer = Store::Open(tmp.Path("f.db"), Store::Mode::kReadWrite);
  REQUIRE(writer.ok());
  const int64_t writer_cache = testing::Count(**writer, "PRAGMA cache_size");
  auto lookup = OpenStoredLookup(tmp.Path("f.db"));
  REQUIRE(lookup.ok());
  // Negative: KiB rather than pages. 256 KiB at most, whatever the page size.
  CHECK(testing::Count(**lookup, "PRAGMA cache_size") == -256);
  CHECK(testing::Count(**writer, "PRAGMA cache_size") == writer_cache);
  CHECK(writer_cache != -256);
  // It answers the reader's question on the file the writer fills.
  auto stored = (*lookup)->HasContent("0000");
  REQUIRE(stored.ok());
  CHECK_FALSE(*stored);
}

TEST_CASE("The reader's lookup connection names the database it cannot open", "[pipeline]") {
  testing::TempDir tmp;
  auto lookup = OpenStoredLookup(tmp.Path("no-such-dir/f.db"));
  REQUIRE_FALSE(lookup.ok());
  CHECK_THAT(lookup.status().message(), Catch::Contains("no-such-dir/f.db"));
}

namespace {

std::string Exported(const std::string& db) {
  std::ostringstream out;
  REQUIRE(ExportDatabase(db, /*with_documents=*/true, "", out).ok());
  return out.str();
}

std::set<std::string> IndexNames(Store& store) {
  std::set<std::string> names;
  sqlite3_stmt* st;
  REQUIRE(sqlite3_prepare_v2(store.db(), "SELECT name FROM sqlite_master WHERE type = 'index'", -1, &st, nullptr) ==
          SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) names.insert(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  return names;
}

}  // namespace

TEST_CASE("An ingest stopped after some documents stores them whole and indexed, and the same ingest again goes on "
          "to the facts of an uninterrupted one", "[pipeline]") {
  testing::TempDir tmp;
  IngestOptions opt;
  opt.inputs = {testing::SourcePath("corpus/samples")};
  opt.db_path = tmp.Path("whole.db");
  auto whole = Ingest(opt, [](const Skip&) {});
  REQUIRE(whole.ok());
  REQUIRE(whole->documents > 4);
  CHECK_FALSE(whole->stopped);

  opt.db_path = tmp.Path("stopped.db");
  int asked = 0;
  opt.stop = [&] { return ++asked > 4; };  // as Ctrl-C would, after the fourth document was read
  auto stopped = Ingest(opt, [](const Skip&) {});
  REQUIRE(stopped.ok());
  CHECK(stopped->stopped);
  CHECK(stopped->documents == 4);
  {
    auto store = Store::Open(tmp.Path("stopped.db"), Store::Mode::kReadOnly);
    REQUIRE(store.ok());
    CHECK(testing::Count(**store, "SELECT count(*) FROM documents") == 4);
    // The run did not read all its inputs: recorded unfinished, as a killed one.
    CHECK(testing::Count(**store, "SELECT count(*) FROM runs WHERE finished_at IS NULL") == 1);
    // Its indexes are built, as after a whole ingest: readers of a stopped
    // load do not scan every claim for each document.
    auto reference = Store::Open(tmp.Path("whole.db"), Store::Mode::kReadOnly);
    REQUIRE(reference.ok());
    CHECK(IndexNames(**store) == IndexNames(**reference));
  }
  std::string partial = Exported(tmp.Path("stopped.db"));
  std::string reference = Exported(tmp.Path("whole.db"));
  CHECK(reference.compare(0, partial.size(), partial) == 0);

  opt.stop = nullptr;
  auto rest = Ingest(opt, [](const Skip&) {});
  REQUIRE(rest.ok());
  CHECK_FALSE(rest->stopped);
  CHECK(rest->documents == whole->documents - 4);
  CHECK(rest->duplicates == 4);
  CHECK(Exported(tmp.Path("stopped.db")) == reference);
}
