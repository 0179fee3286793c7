// Store: the SQLite database of documents, sentences, claims and runs.
//
// Opens (creating or migrating) a database whose schema lives in
// schema/*.sql; refuses clearly a database made by a newer solieu or a file
// that is not a solieu database. Writes whole documents inside transactions,
// so a run killed half way leaves a database that opens and holds only whole
// documents (WAL journal). Not thread-safe: one writer thread owns a Store.
#ifndef SOLIEU_SCHEMA_STORE_H_
#define SOLIEU_SCHEMA_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "corpus/status.h"
#include "extractors/analyzed_document.h"
#include "schema/finding.h"

struct sqlite3;

namespace solieu {

class Store {
 public:
  // 2: findings, finding_claims; 3: sentence spans on documents and claims
  // instead of a row per sentence (schema/migrate_v3.sql), and the search
  // index built apart from the load (search_index_state), which an older
  // solieu must not write to; 4: claims and comparisons keyed by unique
  // indexes instead of primary keys (schema/migrate_v4.sql, keys.sql).
  static constexpr int kSchemaVersion = 4;
  // Bytes per page of a database this solieu creates (store.cc says why).
  static constexpr int kPageSize = 16384;
  enum class Mode { kReadWrite, kReadOnly };

  static StatusOr<std::unique_ptr<Store>> Open(const std::string& path, Mode mode);
  ~Store();

  // A run: what produced the rows that follow. Returns its id.
  StatusOr<int64_t> BeginRun(const std::string& command, const std::string& version,
                             const std::string& options_json);
  Status FinishRun(int64_t run_id, int64_t documents, int64_t claims, int64_t skipped);
  // Runs that never finished (killed), for a notice to the user.
  StatusOr<int64_t> CountUnfinishedRuns();
  StatusOr<int64_t> CountDocuments();

  // Whether the database is in WAL mode, where a second connection reads
  // while this one writes. Opening for writing asks for it; a file system
  // without shared memory for it leaves the rollback journal, where a reader
  // waits for the writer's commit.
  bool write_ahead_log() const { return write_ahead_log_; }

  Status Begin();
  Status Commit();
  // Foreign key checks (on by default). A bulk writer may turn them off
  // outside a transaction: WriteDocument's rows refer only to the document
  // it writes, so they hold by construction, and each check is a B-tree
  // lookup per sentence, claim and comparison.
  Status SetForeignKeys(bool on);
  // At most this many KiB of pages cached by this connection (SQLite's
  // default is 2,000). A connection that only looks documents up by hash
  // needs little: its lookups land on random leaves however large the cache.
  Status SetCacheKiB(int kib);

  // True when a document with this content hash is stored.
  StatusOr<bool> HasContent(const std::string& content_hash);
  // Inserts a document with its sentences, claims and comparisons. Returns
  // false (not an error) when its content is already stored; an error when
  // its doc_id is taken by different content.
  StatusOr<bool> WriteDocument(const AnalyzedDocument& doc, int64_t run_id);

  // Inside a bulk load's first transaction, with foreign key checks off:
  // when no claim is stored yet, drops every index on claims and
  // comparisons, keys included, so that CreateIndexes builds each once, by
  // a sort, instead of the load keeping it row by row. A load killed before
  // its end leaves them missing: opening for writing makes the keys again.
  Status DeferIndexes();
  // Builds the keys (schema/keys.sql) and secondary indexes
  // (schema/indexes.sql) that are missing, after a bulk load, one at a
  // time: `progress(built, total)` before each and after the last.
  Status CreateIndexes(const std::function<void(int built, int total)>& progress = {});
  // The names of those keys and indexes the database lacks: none once a
  // load has ended; some or all after a load killed before its end (or
  // while one runs), until a load ends again. A database no load has ended
  // in yet has only its keys.
  StatusOr<std::vector<std::string>> MissingIndexes();

  // A load into a database that holds no document yet (a first load)
  // skips SQLite's syncs until its end (PRAGMA synchronous=OFF on this
  // connection): there is nothing stored before it to lose, and a killed run
  // loses nothing either, since the kernel keeps what was written. Only a
  // power cut or a kernel crash during such a first load can leave a file to
  // delete and load again. Syncing at every checkpoint made the writer wait
  // on the disk (up to a seventh of a 2-job ingest when the disk is slow to
  // sync). It also writes without the WAL, in SQLite's rollback journal,
  // when no other connection holds the database: appended pages need no
  // journal, where the WAL took every page twice, into the log and then, at
  // each checkpoint, back out of it into the database (a 2-job ingest 12-16%
  // faster, docs/performance.md). Readers then wait for each commit rather
  // than read beside the writer, so this connection waits for them as long
  // as kFirstLoadBusyMs, not to fail a long load for a long query. Returns
  // whether the load is a first load; call before its first transaction.
  // Until FinishFirstLoad, each Commit asks the kernel to start writing the
  // database back (StartWriteback).
  StatusOr<bool> StartFirstLoad();
  // Ends a first load: back to the WAL, syncing from here on
  // (synchronous=NORMAL), and now: the database file, and its log, so that
  // everything committed survives a power cut.
  Status FinishFirstLoad();
  // Whether this connection writes in the rollback journal (StartFirstLoad).
  bool first_load_without_wal() const { return first_load_without_wal_; }
  static constexpr int kBusyMs = 10000;
  static constexpr int kFirstLoadBusyMs = 10 * 60 * 1000;
  // A descriptor SQLite holds open on the database file (Linux), or -1.
  // Found among the process's own: SQLite lends none, and closing one of
  // our own would drop the POSIX locks SQLite holds on the file.
  int DatabaseDescriptor();
  // How many commits have had the kernel start writing the database back
  // (StartWriteback): one per commit of a first load on Linux, else none.
  int64_t writebacks_started() const { return writebacks_started_; }

  // The full-text index (sentence_search in schema.sql) lags the load:
  // documents written since it was last brought up to date are not in it.
  StatusOr<int64_t> CountUnindexedDocuments();
  // Adds every sentence of those documents to it, a batch of documents per
  // transaction, so a killed run leaves it whole up to some document.
  // `progress(done)` after each batch. A batch ends after `batch_bytes` of
  // normalized text, and FTS5 holds up to twice that in memory before it
  // writes: each commit writes a segment that later merges rewrite, and
  // 4 MiB batches index a large corpus a third faster than 256 documents
  // (about 1.8 MB) did, in 24 MB of memory.
  static constexpr size_t kSearchIndexBatchBytes = size_t{4} << 20;
  Status UpdateSearchIndex(const std::function<void(int64_t documents_done)>& progress = {},
                           size_t batch_bytes = kSearchIndexBatchBytes);

  struct SearchHit {
    std::string doc_id, source, sentence;
    int64_t sentence_idx;
  };
  // Sentences whose search key holds every word of `folded_query`, best
  // first, among the documents in the search index.
  StatusOr<std::vector<SearchHit>> Search(const std::string& folded_query, int limit);

  // Calls `fn` for every stored document, in the order they were stored.
  // `doc_id` limits it to one document when not empty.
  Status ForEachDocument(const std::function<Status(const AnalyzedDocument&)>& fn,
                         const std::string& doc_id = "");

  // The claims `solieu check` compares across documents, grouped without
  // holding them: StageForSeries puts the listed claims of a document (its
  // index in doc.claims, and the key of its group) in a temporary table on
  // disk, with their sentences and comparisons; ForEachStagedSeries then
  // calls `fn` once per group, in the order of the keys, with one document
  // per document that has claims in it (ordered by `doc_order`, given in
  // `order`), each holding only those claims and their sentences. Memory:
  // the largest group, not the database.
  Status StageForSeries(const AnalyzedDocument& doc, int64_t doc_order,
                        const std::vector<std::pair<int, std::string>>& grouped);
  Status ForEachStagedSeries(const std::function<Status(const std::vector<AnalyzedDocument>& docs,
                                                        const std::vector<int64_t>& order)>& fn);

  // Findings are stored in two steps, so that a check of any size holds
  // only a group of them in memory. StageFinding puts each in a temporary
  // table (on disk) with the place it sorts to and what to print for it, in
  // any order. ReplaceFindings then stores them in that order, replacing in
  // one transaction the previous findings: all of them, or, when `doc_id` is
  // not empty, those that involve a claim of that document. A failed check
  // leaves the previous findings. ForEachStagedFinding, after ReplaceFindings,
  // gives back in the same order each one's severity and what was to be printed.
  Status StageFinding(const Finding& f, const FindingPlace& place, const std::string& printed = "");
  Status ReplaceFindings(int64_t run_id, const std::string& doc_id = "");
  Status ForEachStagedFinding(const std::function<Status(const std::string& severity, const std::string& printed)>& fn);

  sqlite3* db() { return db_; }
  const std::string& path() const { return path_; }

 private:
  Store() = default;
  Status Exec(const std::string& sql, const std::string& what);
  // Asks for a journal mode ("WAL", "TRUNCATE"); gives the one SQLite kept, lower case.
  StatusOr<std::string> JournalMode(const std::string& mode);
  // The statements of schema/keys.sql and schema/indexes.sql, one index each.
  StatusOr<std::vector<std::string>> IndexStatements();
  Status StartStaging();
  StatusOr<int64_t> Count(const char* sql);  // the one number a query gives
  // After a commit of a first load (StartFirstLoad): asks the kernel to
  // start writing the database file's dirty pages to disk now, without
  // waiting for them, so that FinishFirstLoad at the end has little left to wait
  // for (200 MB: 0.35 s → 0.08 s). A hint: does nothing where it cannot
  // (not Linux, no descriptor).
  void StartWriteback();
  Status StageFindingRows(const Finding& f, const FindingPlace& place, const std::string& printed);
  Status TemporaryFailure(const Status& failed) const;
  const std::string& MetricKey(const std::string& metric);

  struct Statements;
  sqlite3* db_ = nullptr;
  std::string path_;
  int database_fd_ = -1;  // see DatabaseDescriptor
  bool write_back_commits_ = false;  // a first load, until FinishFirstLoad
  bool first_load_without_wal_ = false;  // a first load in the rollback journal, until FinishFirstLoad
  int64_t writebacks_started_ = 0;
  bool write_ahead_log_ = false;
  std::unique_ptr<Statements> st_;
  struct Staging;
  std::unique_ptr<Staging> staging_;  // made by the first StageFinding
  std::unordered_map<std::string, std::string> metric_keys_;  // metric → folded, see MetricKey
};

}  // namespace solieu

#endif  // SOLIEU_SCHEMA_STORE_H_
