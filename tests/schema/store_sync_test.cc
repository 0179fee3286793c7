// When a Store makes its writes durable: a first load into a database with
// no document skips SQLite's syncs and its WAL until its end and then syncs
// the file once, and a killed one leaves a journal that even a reader plays
// back; a load into a database that holds documents keeps both; the
// descriptor through which it has the kernel write back early. And how much
// a connection caches.
#include "schema/store.h"

#include <dirent.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/wait.h>

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
// How many descriptors this process has open.
int OpenDescriptors() {
  int n = 0;
  DIR* fds = opendir("/proc/self/fd");
  if (!fds) return -1;
  while (dirent* e = readdir(fds)) n += e->d_name[0] != '.';
  closedir(fds);
  return n;
}

bool SameFile(int fd, const std::string& path) {
  struct stat a, b;
  return fstat(fd, &a) == 0 && stat(path.c_str(), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

std::unique_ptr<Store> OpenForLoad(const std::string& path, int64_t* run, bool* skipped) {
  auto store = Store::Open(path, Store::Mode::kReadWrite);
  REQUIRE(store.ok());
  auto begun = (*store)->BeginRun("ingest", "test", "{}");
  REQUIRE(begun.ok());
  *run = *begun;
  auto skips = (*store)->StartFirstLoad();
  REQUIRE(skips.ok());
  *skipped = *skips;
  return std::move(*store);
}

}  // namespace

namespace {

std::string JournalMode(Store& store) {
  sqlite3_stmt* st;
  REQUIRE(sqlite3_prepare_v2(store.db(), "PRAGMA journal_mode", -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  std::string mode = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return mode;
}

}  // namespace

TEST_CASE("Store skips syncs and the WAL while it loads a database with no document, syncs the file at the end, and keeps both in one that has documents",
          "[schema]") {
  TempDir tmp;
  SyncCountingVfs syncs;
  int64_t run;
  bool skipped;
  {
    std::unique_ptr<Store> store = OpenForLoad(tmp.Path("f.db"), &run, &skipped);
    CHECK(skipped);
    CHECK(Count(*store, "PRAGMA synchronous") == 0);
    // Appended pages need no journal: none goes through a log and back.
    CHECK(store->first_load_without_wal());
    CHECK(JournalMode(*store) == "truncate");
    // Readers wait for its commits now, and it for theirs, as long as a long query takes.
    CHECK(Count(*store, "PRAGMA busy_timeout") == Store::kFirstLoadBusyMs);
    syncs.Reset();
    LoadLongReports(*store, run, 12, "a");
    CHECK(syncs.database_syncs() == 0);
    CHECK(syncs.wal_syncs() == 0);
    CHECK(testing::ReadFile(tmp.Path("f.db-journal")).empty());  // nothing to play back between loads' transactions
    REQUIRE(store->FinishFirstLoad().ok());
    CHECK(syncs.database_syncs() >= 1);
    CHECK(Count(*store, "PRAGMA synchronous") == 1);  // NORMAL again
    CHECK_FALSE(store->first_load_without_wal());
    CHECK(JournalMode(*store) == "wal");  // readers beside later writers
    CHECK(Count(*store, "PRAGMA busy_timeout") == Store::kBusyMs);
  }
  {
    std::unique_ptr<Store> store = OpenForLoad(tmp.Path("f.db"), &run, &skipped);
    CHECK_FALSE(skipped);  // documents stored before must survive a power cut
    CHECK(Count(*store, "PRAGMA synchronous") == 1);
    CHECK_FALSE(store->first_load_without_wal());
    CHECK(JournalMode(*store) == "wal");
    syncs.Reset();
    // The same load, syncing at each checkpoint: what the first one skipped.
    LoadLongReports(*store, run, 12, "b");
    CHECK(syncs.database_syncs() >= 1);
    CHECK(syncs.wal_syncs() >= 1);
    CHECK(Count(*store, "SELECT count(*) FROM documents") == 24);
  }
}

TEST_CASE("Store starts the write-back of a first load through the descriptor SQLite holds on the database, opening none",
          "[schema]") {
#ifndef __linux__
  WARN("write-back hints are Linux only");
  return;
#endif
  TempDir tmp;
  int64_t run;
  bool skipped;
  std::unique_ptr<Store> store = OpenForLoad(tmp.Path("f.db"), &run, &skipped);
  std::unique_ptr<Store> other = OpenForLoad(tmp.Path("g.db"), &run, &skipped);
  REQUIRE(skipped);
  LoadLongReports(*store, run, 2, "a");
  const int before = OpenDescriptors();
  const int fd = store->DatabaseDescriptor();
  // Ours to use, not to close: closing any descriptor of the file would drop
  // the POSIX locks SQLite holds on it.
  CHECK(OpenDescriptors() == before);
  REQUIRE(fd >= 0);
  CHECK(SameFile(fd, tmp.Path("f.db")));
  CHECK_FALSE(SameFile(fd, tmp.Path("g.db")));
  CHECK(SameFile(other->DatabaseDescriptor(), tmp.Path("g.db")));
  CHECK(store->DatabaseDescriptor() == fd);
  CHECK(store->writebacks_started() == 2);  // one for each commit of the first load
  LoadLongReports(*store, run, 1, "b");  // commits asking for write-back through it
  CHECK(store->writebacks_started() == 3);
  REQUIRE(store->FinishFirstLoad().ok());
  CHECK(OpenDescriptors() == before);
  LoadLongReports(*store, run, 1, "c");  // synced from here on: no more hints
  CHECK(store->writebacks_started() == 3);
  CHECK(Count(*store, "SELECT count(*) FROM documents") == 4);
  // A load into a database that holds documents syncs at its checkpoints and asks for no write-back.
  store.reset();
  store = OpenForLoad(tmp.Path("f.db"), &run, &skipped);
  REQUIRE_FALSE(skipped);
  LoadLongReports(*store, run, 1, "d");
  CHECK(store->writebacks_started() == 0);
  sqlite3_stmt* check;
  REQUIRE(sqlite3_prepare_v2(store->db(), "PRAGMA integrity_check", -1, &check, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(check) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(check, 0))) == "ok");
  sqlite3_finalize(check);
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

TEST_CASE("Store opened only to read plays back the journal of a first load killed mid-transaction, and reads what was committed",
          "[schema]") {
  TempDir tmp;
  const std::string path = tmp.Path("f.db");
  pid_t pid = fork();
  if (pid == 0) {
    int64_t run;
    bool first;
    std::unique_ptr<Store> store = OpenForLoad(path, &run, &first);
    if (!first || !store->first_load_without_wal()) _exit(2);
    LoadLongReports(*store, run, 1, "kept");
    // A small cache, so that the next transaction's pages spill into the
    // file before its commit, the originals of those it changes saved in the
    // journal; then the process dies, as under SIGKILL.
    if (!store->SetCacheKiB(64).ok() || !store->Begin().ok()) _exit(3);
    AnalyzedDocument a = AnalyzeText(std::string(kArticle) + std::string(1 << 20, ' '), "lost.txt");
    if (!store->WriteDocument(a, run).ok()) _exit(4);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  REQUIRE_FALSE(testing::ReadFile(path + "-journal").empty());  // a hot journal
  auto store = Store::Open(path, Store::Mode::kReadOnly);
  REQUIRE(store.ok());
  CHECK(Count(**store, "SELECT count(*) FROM documents") == 1);
  CHECK(Count(**store, "SELECT count(*) FROM documents WHERE doc_id = 'kept0'") == 1);
  sqlite3_stmt* st;
  REQUIRE(sqlite3_prepare_v2((*store)->db(), "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "ok");
  sqlite3_finalize(st);
}
