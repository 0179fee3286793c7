// When a Store makes its writes durable: a first load into a database with
// no document skips SQLite's syncs until its end and then syncs the files
// once; a load into a database that holds documents keeps them. And how
// much a connection caches.
#include "schema/store.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "schema/store_test_support.h"
#include "schema/sync_counting_vfs.h"
#include "test_support.h"

using namespace solieu;
using solieu::testing::AnalyzeText;
using solieu::testing::Count;
using solieu::testing::kArticle;
using solieu::testing::SyncCountingVfs;
using solieu::testing::TempDir;

namespace {

// Writes `n` copies of a long report (about 1 MB of text, the figures of
// kArticle, then paragraphs without figures), each in its own transaction:
// over 16 MB of pages, so that the WAL reaches SQLite's checkpoint and a
// load that syncs syncs there.
void LoadLongReports(Store& store, int64_t run, int n, const std::string& prefix) {
  std::string text = kArticle;
  while (text.size() < (1u << 20)) text += "\nThành phố tiếp tục đẩy mạnh cải cách hành chính, nâng cao chất lượng dịch vụ công.";
  AnalyzedDocument a = AnalyzeText(text, "long.txt");
  for (int i = 0; i < n; ++i) {
    a.doc.doc_id = prefix + std::to_string(i);
    a.doc.content_hash = prefix + std::to_string(i);  // unique: each copy is a new document
    REQUIRE(store.Begin().ok());
    auto added = store.WriteDocument(a, run);
    REQUIRE(added.ok());
    REQUIRE(*added);
    REQUIRE(store.Commit().ok());
  }
}

// Opens `path` for a load, with a run begun, as DocumentSink does; whether
// it skips syncs in `skipped`.
std::unique_ptr<Store> OpenForLoad(const std::string& path, int64_t* run, bool* skipped) {
  auto store = Store::Open(path, Store::Mode::kReadWrite);
  REQUIRE(store.ok());
  auto begun = (*store)->BeginRun("ingest", "test", "{}");
  REQUIRE(begun.ok());
  *run = *begun;
  auto skips = (*store)->SkipSyncsIfEmpty();
  REQUIRE(skips.ok());
  *skipped = *skips;
  return std::move(*store);
}

}  // namespace

TEST_CASE("Store skips syncs while it loads a database with no document, syncs the files at the end, and keeps syncs in one that has documents",
          "[schema]") {
  TempDir tmp;
  SyncCountingVfs syncs;
  int64_t run;
  bool skipped;
  {
    std::unique_ptr<Store> store = OpenForLoad(tmp.Path("f.db"), &run, &skipped);
    CHECK(skipped);
    CHECK(Count(*store, "PRAGMA synchronous") == 0);
    syncs.Reset();
    LoadLongReports(*store, run, 12, "a");
    CHECK(syncs.database_syncs() == 0);
    CHECK(syncs.wal_syncs() == 0);
    REQUIRE(store->SyncToDisk().ok());
    CHECK(syncs.database_syncs() >= 1);
    CHECK(syncs.wal_syncs() >= 1);
    CHECK(Count(*store, "PRAGMA synchronous") == 1);  // NORMAL again
  }
  {
    std::unique_ptr<Store> store = OpenForLoad(tmp.Path("f.db"), &run, &skipped);
    CHECK_FALSE(skipped);  // documents stored before must survive a power cut
    CHECK(Count(*store, "PRAGMA synchronous") == 1);
    syncs.Reset();
    // The same load, syncing at each checkpoint: what the first one skipped.
    LoadLongReports(*store, run, 12, "b");
    CHECK(syncs.database_syncs() >= 1);
    CHECK(syncs.wal_syncs() >= 1);
    CHECK(Count(*store, "SELECT count(*) FROM documents") == 24);
  }
}

TEST_CASE("Store caches as many KiB of pages as it is told, on its own connection only", "[schema]") {
  TempDir tmp;
  auto lookup = Store::Open(tmp.Path("f.db"), Store::Mode::kReadWrite);
  auto writer = Store::Open(tmp.Path("f.db"), Store::Mode::kReadWrite);
  REQUIRE(lookup.ok());
  REQUIRE(writer.ok());
  const int64_t before = Count(**writer, "PRAGMA cache_size");
  REQUIRE((*lookup)->SetCacheKiB(256).ok());
  CHECK(Count(**lookup, "PRAGMA cache_size") == -256);
  CHECK(Count(**writer, "PRAGMA cache_size") == before);
}
