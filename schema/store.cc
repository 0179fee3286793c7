#include "schema/store.h"

#include <sqlite3.h>
#include <sys/stat.h>
#ifdef __linux__
#include <dirent.h>
#include <fcntl.h>
#endif

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <thread>
#include <nlohmann/json.hpp>

#include "corpus/rules.h"
#include "schema/statement.h"
#include "normalizers/folding.h"

namespace solieu {
namespace {

std::string Now() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

}  // namespace

std::string FlagsJson(const std::vector<std::string>& flags) {
  return flags.empty() ? std::string("[]") : nlohmann::json(flags).dump();  // most claims have none
}

struct Store::Statements {
  Stmt has_content, doc_by_id, insert_doc, insert_claim, insert_comparison;
};

Store::~Store() {
  st_.reset();
  if (db_) sqlite3_close(db_);
}

Status Store::Exec(const std::string& sql, const std::string& what) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = path_ + ": " + what + ": " + (err ? err : "unknown error");
    sqlite3_free(err);
    return Status::IoError(msg);
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path, Mode mode) {
  auto store = std::unique_ptr<Store>(new Store);
  store->path_ = path;
  // One thread owns a Store (see store.h), so SQLite's own locking is
  // overhead: half a million mutex calls per MB of corpus in a bulk load.
  [[maybe_unused]] static const bool no_memstatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  int flags = SQLITE_OPEN_NOMUTEX |
              (mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  if (sqlite3_open_v2(path.c_str(), &store->db_, flags, nullptr) != SQLITE_OK) {
    return Status::IoError(path + ": cannot open database: " + sqlite3_errmsg(store->db_));
  }
  sqlite3_busy_timeout(store->db_, kBusyMs);
  // Reading the schema version is the first thing that touches the file: a
  // file that is not a database fails here, with its name.
  Stmt version;
  if (!version.Prepare(store->db_, "PRAGMA user_version").ok()) {
    return Status::Corrupt(path + ": not a solieu database (" + sqlite3_errmsg(store->db_) + ")");
  }
  auto row = version.Step();
  if (!row.ok() && mode == Mode::kReadOnly && sqlite3_extended_errcode(store->db_) == SQLITE_READONLY_ROLLBACK) {
    // A first load killed mid-transaction left its rollback journal
    // (StartFirstLoad), which only a connection that may write can play
    // back: open it so once, then read.
    version.Finalize();
    sqlite3_close(store->db_);
    store->db_ = nullptr;
    auto rolled_back = Open(path, Mode::kReadWrite);
    if (!rolled_back.ok()) {
      return Status::IoError(rolled_back.status().message() +
                             " (a load was killed mid-transaction; its journal must be played back once, which "
                             "needs write access)");
    }
    rolled_back->reset();
    return Open(path, mode);
  }
  if (!row.ok()) return Status::Corrupt(path + ": not a solieu database (" + row.status().message() + ")");
  int64_t user_version = version.Int(0);
  version.Reset();
  if (user_version > kSchemaVersion) {
    return Status::Corrupt(path + ": database schema version " + std::to_string(user_version) +
                           " is newer than this solieu understands (" + std::to_string(kSchemaVersion) +
                           "); use a newer solieu");
  }
  if (mode == Mode::kReadOnly) {
    if (user_version == 0) return Status::Corrupt(path + ": not a solieu database (no schema version)");
    if (user_version < kSchemaVersion) {
      // An older database is read the way this solieu writes: upgrade it
      // once (a write), then read it.
      version.Finalize();
      sqlite3_close(store->db_);
      store->db_ = nullptr;
      auto upgraded = Open(path, Mode::kReadWrite);
      if (!upgraded.ok()) {
        return Status::IoError(upgraded.status().message() + " (the database has schema version " +
                               std::to_string(user_version) + " and must be upgraded to " +
                               std::to_string(kSchemaVersion) + " once, which needs write access)");
      }
      upgraded->reset();
      return Open(path, mode);
    }
  } else {
    // A new database gets pages of 16 KiB rather than SQLite's 4 KiB: a
    // document's two texts (some 14 KB together) then fill one or two pages,
    // not four to six chained ones, and an ingest writes fewer, larger pages
    // (figures in docs/performance.md). SQLite ignores it for a database
    // that has pages already, so it is set before anything else is written.
    if (user_version == 0) {
      SOLIEU_RETURN_IF_ERROR(store->Exec("PRAGMA page_size=" + std::to_string(kPageSize), "cannot set up the database"));
    }
    // WAL lets readers go on beside the writer. A file system without the
    // shared memory it needs (some network mounts) keeps the rollback
    // journal: SQLite answers with the mode it kept, and callers ask.
    auto kept = store->JournalMode("WAL");  // the journal mode SQLite kept
    if (!kept.ok()) return kept.status();
    store->write_ahead_log_ = *kept == "wal";
    // Foreign keys stay off until the schema is in place: an upgrade drops
    // and rebuilds tables that others refer to (schema/migrate_v4.sql).
    SOLIEU_RETURN_IF_ERROR(store->Exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;", "cannot set up the database"));
    // Schema, views and version in one transaction: a run killed while
    // creating them leaves an empty file, never half a schema.
    SOLIEU_RETURN_IF_ERROR(store->Exec("BEGIN IMMEDIATE", "cannot begin a transaction"));
    if (user_version == 0) {
      Stmt tables;
      SOLIEU_RETURN_IF_ERROR(tables.Prepare(store->db_, "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"));
      auto r = tables.Step();
      if (!r.ok()) return r.status();
      if (tables.Int(0) > 0) return Status::Corrupt(path + ": not a solieu database (it has other tables)");
    }
    // Schema, keys and views: idempotent, so opening also repairs missing
    // views and keys. Around them, the upgrades: of a database that keeps a
    // row per sentence (schema versions 1 and 2), then of primary keys on
    // claims and comparisons (1 to 3), whose tables schema.sql makes anew
    // between the two steps, and which need their secondary indexes again.
    auto has_sentence_rows = store->Count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sentences'");
    if (!has_sentence_rows.ok()) return has_sentence_rows.status();
    bool keyed_by_primary_keys = user_version > 0 && user_version < 4;
    std::vector<const char*> files;
    if (*has_sentence_rows > 0) files.push_back("schema/migrate_v3.sql");
    if (keyed_by_primary_keys) files.push_back("schema/migrate_v4.sql");
    files.push_back("schema/schema.sql");
    if (keyed_by_primary_keys) files.push_back("schema/migrate_v4_rows.sql");
    files.push_back("schema/keys.sql");
    files.push_back("schema/views.sql");
    if (keyed_by_primary_keys) files.push_back("schema/indexes.sql");
    for (const char* name : files) {
      auto sql = ReadRuleFile(name);
      if (!sql.ok()) return sql.status();
      SOLIEU_RETURN_IF_ERROR(store->Exec(*sql, std::string("cannot apply ") + name));
    }
    SOLIEU_RETURN_IF_ERROR(store->Exec("PRAGMA user_version=" + std::to_string(kSchemaVersion), "cannot set schema version"));
    SOLIEU_RETURN_IF_ERROR(store->Exec("COMMIT", "cannot commit the schema"));
  }
  SOLIEU_RETURN_IF_ERROR(store->Exec("PRAGMA foreign_keys=ON", "cannot enable foreign keys"));
  // solieu_fold(text): the search key of a text (normalizers/folding.h), for SQL and the search index.
  sqlite3_create_function(store->db_, "solieu_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                          [](sqlite3_context* ctx, int, sqlite3_value** argv) {
                            const unsigned char* t = sqlite3_value_text(argv[0]);
                            if (!t) { sqlite3_result_null(ctx); return; }
                            std::string folded = Fold(reinterpret_cast<const char*>(t));
                            sqlite3_result_text(ctx, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
                          },
                          nullptr, nullptr);
  store->st_ = std::make_unique<Statements>();
  if (mode == Mode::kReadWrite) {
    Statements& s = *store->st_;
    sqlite3* db = store->db_;
    SOLIEU_RETURN_IF_ERROR(s.has_content.Prepare(db, "SELECT 1 FROM documents WHERE content_hash = ?"));
    SOLIEU_RETURN_IF_ERROR(s.doc_by_id.Prepare(db, "SELECT content_hash FROM documents WHERE doc_id = ?"));
    SOLIEU_RETURN_IF_ERROR(s.insert_doc.Prepare(db,
        "INSERT INTO documents (doc_id, content_hash, source, url, title, published, encoding, text, normalized, run_id,"
        " encoding_confidence, sentences) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
    SOLIEU_RETURN_IF_ERROR(s.insert_claim.Prepare(db,
        "INSERT INTO claims (claim_id, doc_id, sentence_idx, ord, span_start, span_end, text, number, value, unit,"
        " dimension, si_value, si_unit, denominator, qualifier, modality, metric, metric_key, indicator, entity,"
        " period_label, period_from, period_to, flags, part_of, sentence_start, sentence_end)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    SOLIEU_RETURN_IF_ERROR(s.insert_comparison.Prepare(db,
        "INSERT INTO comparisons (claim_id, idx, span_start, span_end, text, percent, kind, direction, baseline,"
        " baseline_kind, flags) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
  }
  return store;
}

StatusOr<int64_t> Store::BeginRun(const std::string& command, const std::string& version,
                                  const std::string& options_json) {
  Stmt s;
  SOLIEU_RETURN_IF_ERROR(s.Prepare(db_,
      "INSERT INTO runs (command, version, ruleset_hash, options, started_at) VALUES (?,?,?,?,?)"));
  s.Bind(1, command).Bind(2, version).Bind(3, RuleSetHash()).Bind(4, options_json).Bind(5, Now());
  SOLIEU_RETURN_IF_ERROR(s.Run());
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

Status Store::FinishRun(int64_t run_id, int64_t documents, int64_t claims, int64_t skipped) {
  Stmt s;
  SOLIEU_RETURN_IF_ERROR(s.Prepare(db_,
      "UPDATE runs SET finished_at = ?, documents = ?, claims = ?, skipped = ? WHERE run_id = ?"));
  s.Bind(1, Now()).Bind(2, documents).Bind(3, claims).Bind(4, skipped).Bind(5, run_id);
  return s.Run();
}

StatusOr<int64_t> Store::Count(const char* sql) {
  Stmt s;
  SOLIEU_RETURN_IF_ERROR(s.Prepare(db_, sql));
  auto r = s.Step();
  if (!r.ok()) return r.status();
  return s.Int(0);
}

StatusOr<int64_t> Store::CountUnfinishedRuns() { return Count("SELECT count(*) FROM runs WHERE finished_at IS NULL"); }
StatusOr<int64_t> Store::CountDocuments() { return Count("SELECT count(*) FROM documents"); }

Status Store::SetForeignKeys(bool on) {
  return Exec(std::string("PRAGMA foreign_keys=") + (on ? "ON" : "OFF"), "cannot set foreign key checks");
}

Status Store::SetCacheKiB(int kib) {
  return Exec("PRAGMA cache_size=-" + std::to_string(kib), "cannot size the page cache");
}

Status Store::Begin() { return Exec("BEGIN IMMEDIATE", "cannot begin a transaction"); }
Status Store::Commit() {
  SOLIEU_RETURN_IF_ERROR(Exec("COMMIT", "cannot commit"));
  if (write_back_commits_) StartWriteback();
  return Status::Ok();
}

StatusOr<bool> Store::HasContent(const std::string& content_hash) {
  Stmt& s = st_->has_content;
  s.Bind(1, content_hash);
  auto r = s.Step();
  s.Reset();
  return r;
}

// Reports repeat their metrics ("thu ngân sách" in every article): fold each once.
const std::string& Store::MetricKey(const std::string& metric) {
  auto it = metric_keys_.find(metric);
  if (it != metric_keys_.end()) return it->second;
  if (metric_keys_.size() > 200000) metric_keys_.clear();  // bounded memory
  return metric_keys_.emplace(metric, Fold(metric)).first->second;
}

namespace {

// A span two claims share, if any: their ids would be equal.
std::optional<std::pair<uint32_t, uint32_t>> RepeatedSpan(const std::vector<Claim>& claims) {
  using Span = std::pair<uint32_t, uint32_t>;
  auto span = [](const Claim& c) { return Span{c.span_begin, c.span_end}; };
  bool ascending = true;  // the usual order, where nothing need be sorted
  for (size_t i = 1; i < claims.size() && ascending; ++i) ascending = span(claims[i - 1]) < span(claims[i]);
  if (ascending) return std::nullopt;
  std::vector<Span> spans;
  spans.reserve(claims.size());
  for (const Claim& c : claims) spans.push_back(span(c));
  std::sort(spans.begin(), spans.end());
  auto twice = std::adjacent_find(spans.begin(), spans.end());
  if (twice == spans.end()) return std::nullopt;
  return *twice;
}

}  // namespace

StatusOr<bool> Store::WriteDocument(const AnalyzedDocument& a, int64_t run_id) {
  Statements& s = *st_;
  auto dup = HasContent(a.doc.content_hash);
  if (!dup.ok()) return dup.status();
  if (*dup) return false;
  s.doc_by_id.Bind(1, a.doc.doc_id);
  auto taken = s.doc_by_id.Step();
  s.doc_by_id.Reset();
  if (!taken.ok()) return taken.status();
  if (*taken) {
    return Status::InvalidInput(a.doc.source + ": document id '" + a.doc.doc_id +
                                "' is already stored with different text, skipped");
  }
  const Document& d = a.doc;
  if (auto twice = RepeatedSpan(a.claims)) {
    // Two claims would share an id. claims_by_id would refuse the second,
    // at the end of a bulk load when it is built then: refuse the document now.
    return Status::InvalidInput(d.source + ": document '" + d.doc_id + "' has two claims with the span " +
                                std::to_string(twice->first) + "-" + std::to_string(twice->second) + ", skipped");
  }
  s.insert_doc.Bind(1, d.doc_id).Bind(2, d.content_hash).Bind(3, d.source);
  if (d.url.empty()) s.insert_doc.BindNull(4); else s.insert_doc.Bind(4, d.url);
  if (d.title.empty()) s.insert_doc.BindNull(5); else s.insert_doc.Bind(5, d.title);
  s.insert_doc.Bind(6, d.published).Bind(7, d.encoding).BindKept(8, d.text).BindKept(9, a.normalized).Bind(10, run_id)
      .Bind(11, d.encoding_confidence).Bind(12, SentenceSpansJson(a.sentences));
  SOLIEU_RETURN_IF_ERROR(s.insert_doc.Run());
  for (size_t i = 0; i < a.claims.size(); ++i) {
    const Claim& c = a.claims[i];
    std::string id = a.ClaimId(c);
    Stmt& q = s.insert_claim;
    q.BindKept(1, id).BindKept(2, d.doc_id).Bind(3, c.sentence).Bind(4, static_cast<int64_t>(i))
        .Bind(5, c.span_begin).Bind(6, c.span_end).BindKept(7, c.text).BindKept(8, c.number).Bind(9, c.value)
        .BindKept(10, c.unit).BindKept(11, c.dimension).Bind(12, c.base_value).BindKept(13, c.base_unit)
        .Bind(14, c.denominator).BindKept(15, c.qualifier).BindKept(16, c.modality).BindKept(17, c.metric)
        .Bind(18, MetricKey(c.metric)).BindKept(19, c.indicator).BindKept(20, c.entity);
    if (c.period) q.BindKept(21, c.period->label).BindKept(22, c.period->from).BindKept(23, c.period->to);
    else q.BindNull(21).BindNull(22).BindNull(23);
    q.Bind(24, FlagsJson(c.flags));
    if (c.part_of >= 0) q.Bind(25, a.ClaimId(a.claims[c.part_of])); else q.BindNull(25);
    const SentenceRecord& sentence = a.sentences.at(c.sentence);
    q.Bind(26, sentence.norm_begin).Bind(27, sentence.norm_end);
    SOLIEU_RETURN_IF_ERROR(q.Run());
    for (size_t k = 0; k < c.comparisons.size(); ++k) {
      const Comparison& m = c.comparisons[k];
      Stmt& cs = s.insert_comparison;
      cs.BindKept(1, id).Bind(2, static_cast<int64_t>(k)).Bind(3, m.span_begin).Bind(4, m.span_end).BindKept(5, m.text)
          .Bind(6, m.percent).BindKept(7, m.kind).BindKept(8, m.direction).BindKept(9, m.baseline)
          .BindKept(10, m.baseline_kind).Bind(11, FlagsJson(m.flags));
      SOLIEU_RETURN_IF_ERROR(cs.Run());
    }
  }
  return true;
}

Status Store::DeferIndexes() {
  auto empty = Count("SELECT NOT EXISTS (SELECT 1 FROM claims)");
  if (!empty.ok()) return empty.status();
  if (!*empty) return Status::Ok();
  std::vector<std::string> names;
  {
    Stmt s;
    SOLIEU_RETURN_IF_ERROR(s.Prepare(db_, "SELECT name FROM sqlite_master WHERE type = 'index'"
                                          " AND tbl_name IN ('claims', 'comparisons') AND sql IS NOT NULL"));
    while (true) {
      auto row = s.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      names.push_back(s.Text(0));
    }
  }
  for (const std::string& name : names) {
    SOLIEU_RETURN_IF_ERROR(Exec("DROP INDEX \"" + name + "\"", "cannot defer the index " + name));
  }
  return Status::Ok();
}

StatusOr<bool> Store::StartFirstLoad() {
  auto empty = Count("SELECT NOT EXISTS (SELECT 1 FROM documents)");
  if (!empty.ok()) return empty.status();
  if (!*empty) return false;
  SOLIEU_RETURN_IF_ERROR(Exec("PRAGMA synchronous=OFF", "cannot set up the load"));
  write_back_commits_ = true;
  // SQLite keeps the WAL, and says so, while another connection holds the
  // database (one reading it, say): the load then goes on in the WAL.
  auto mode = JournalMode("TRUNCATE");
  if (!mode.ok()) return mode.status();
  first_load_without_wal_ = *mode == "truncate";
  if (first_load_without_wal_) sqlite3_busy_timeout(db_, kFirstLoadBusyMs);
  return true;
}

StatusOr<std::string> Store::JournalMode(const std::string& mode) {
  Stmt journal;
  SOLIEU_RETURN_IF_ERROR(journal.Prepare(db_, ("PRAGMA journal_mode=" + mode).c_str()));
  auto kept = journal.Step();
  if (!kept.ok()) return Status::IoError(path_ + ": cannot set up the database: " + kept.status().message());
  return *kept ? journal.Text(0) : std::string();
}

Status Store::FinishFirstLoad() {
  SOLIEU_RETURN_IF_ERROR(Exec("PRAGMA synchronous=NORMAL", "cannot set up syncing"));
  write_back_commits_ = false;
  if (first_load_without_wal_) {
    // Back to the WAL for readers beside later writers. Should a reader hold
    // the database now, SQLite keeps the journal, and the next connection
    // that opens it for writing asks for the WAL again (Open).
    auto mode = JournalMode("WAL");
    if (!mode.ok()) return mode.status();
    first_load_without_wal_ = false;
    sqlite3_busy_timeout(db_, kBusyMs);
  }
  // SQLite syncs only what a checkpoint writes; pages written earlier
  // without syncs need the files synced whole, through SQLite's own handles.
  for (int op : {SQLITE_FCNTL_FILE_POINTER, SQLITE_FCNTL_JOURNAL_POINTER}) {
    sqlite3_file* file = nullptr;
    if (sqlite3_file_control(db_, "main", op, &file) != SQLITE_OK || !file || !file->pMethods) continue;
    if (file->pMethods->xSync(file, SQLITE_SYNC_NORMAL) != SQLITE_OK) {
      return Status::IoError(path_ + ": cannot sync the database to disk");
    }
  }
  return Status::Ok();
}

int Store::DatabaseDescriptor() {
#ifdef __linux__
  struct stat want, got;
  if (stat(path_.c_str(), &want) != 0) return -1;
  auto same_file = [&](int fd) { return fstat(fd, &got) == 0 && got.st_dev == want.st_dev && got.st_ino == want.st_ino; };
  if (database_fd_ >= 0 && same_file(database_fd_)) return database_fd_;
  database_fd_ = -1;
  DIR* fds = opendir("/proc/self/fd");
  if (!fds) return -1;
  while (dirent* e = readdir(fds)) {
    char* end = nullptr;
    long fd = std::strtol(e->d_name, &end, 10);
    if (end == e->d_name || *end != '\0' || fd == dirfd(fds)) continue;
    if (same_file(static_cast<int>(fd))) {
      database_fd_ = static_cast<int>(fd);
      break;
    }
  }
  closedir(fds);
  return database_fd_;
#else
  return -1;
#endif
}

void Store::StartWriteback() {
#ifdef __linux__
  int fd = DatabaseDescriptor();
  if (fd >= 0 && sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE) == 0) ++writebacks_started_;
#endif
}

StatusOr<std::vector<std::string>> Store::IndexStatements() {
  auto keys = ReadRuleFile("schema/keys.sql");
  if (!keys.ok()) return keys.status();
  auto sql = ReadRuleFile("schema/indexes.sql");
  if (!sql.ok()) return sql.status();
  *sql = *keys + *sql;
  std::vector<std::string> statements;
  for (const char* rest = sql->c_str(); *rest;) {
    sqlite3_stmt* st = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db_, rest, -1, &st, &tail) != SQLITE_OK) {
      return Status::Corrupt(path_ + ": cannot build indexes: " + sqlite3_errmsg(db_));
    }
    if (st) statements.emplace_back(rest, tail - rest);  // null: only comments or space were left
    sqlite3_finalize(st);
    rest = tail;
  }
  return statements;
}

StatusOr<std::vector<std::string>> Store::MissingIndexes() {
  auto statements = IndexStatements();
  if (!statements.ok()) return statements.status();
  std::vector<std::string> missing;
  Stmt exists;
  SOLIEU_RETURN_IF_ERROR(exists.Prepare(db_, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?"));
  for (const std::string& sql : *statements) {
    // Each is "CREATE [UNIQUE] INDEX IF NOT EXISTS name ON ..." (keys.sql, indexes.sql).
    static const std::string kBefore = "IF NOT EXISTS ";
    size_t at = sql.find(kBefore);
    if (at == std::string::npos) continue;
    at += kBefore.size();
    std::string name = sql.substr(at, sql.find_first_of(" (", at) - at);
    exists.Bind(1, name);
    auto found = exists.Step();
    if (!found.ok()) return found.status();
    if (!*found) missing.push_back(name);
    exists.Reset();
  }
  return missing;
}

Status Store::CreateIndexes(const std::function<void(int built, int total)>& progress) {
  // One statement (one index) at a time, so that a long build can say how
  // far it is: at 1 GB of input it takes a quarter of a minute.
  auto index_statements = IndexStatements();
  if (!index_statements.ok()) return index_statements.status();
  const std::vector<std::string>& statements = *index_statements;
  // The bulk load is over and the cores are idle: let SQLite sort each
  // index on helper threads (a third less time at 840,000 claims). Each
  // sorts runs of the cache size in memory, and the merge of more runs held
  // more: with a 500 KB cache the build of 4.2 million claims' indexes
  // peaked at 9.5 MB instead of 13.5, in the same time, so that ingest's
  // memory stays flat in corpus size.
  auto cache_size = Count("PRAGMA cache_size");  // this connection's, put back after
  if (!cache_size.ok()) return cache_size.status();
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  SOLIEU_RETURN_IF_ERROR(Exec("PRAGMA threads=" + std::to_string(cores) + "; PRAGMA cache_size=-500",
                              "cannot set up the sort"));
  Status built;
  const int total = static_cast<int>(statements.size());
  for (int i = 0; i < total && built.ok(); ++i) {
    if (progress) progress(i, total);
    built = Exec(statements[i], "cannot build indexes");
  }
  if (built.ok() && progress) progress(total, total);
  Status reset = Exec("PRAGMA threads=0; PRAGMA cache_size=" + std::to_string(*cache_size), "cannot reset the sort");
  return built.ok() ? reset : built;
}

}  // namespace solieu
