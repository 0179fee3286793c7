#include "schema/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <ctime>
#include <thread>
#include <nlohmann/json.hpp>

#include "corpus/rules.h"
#include "normalizers/folding.h"

namespace solieu {
namespace {

// A prepared statement, reset after each use.
class Stmt {
 public:
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(s_); }
  Status Prepare(sqlite3* db, const char* sql) {
    db_ = db;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr) != SQLITE_OK) {
      return Status::Corrupt(std::string("cannot prepare statement: ") + sqlite3_errmsg(db));
    }
    return Status::Ok();
  }
  Stmt& Bind(int i, const std::string& v) { sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); return *this; }
  Stmt& Bind(int i, std::string_view v) { sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); return *this; }
  Stmt& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  // Without SQLite's copy: the caller keeps `v` alive until the statement has
  // run (the bulk writer's document text, tens of MB per batch).
  Stmt& BindKept(int i, std::string_view v) { sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC); return *this; }
  Stmt& BindKept(int i, const std::string& v) { return BindKept(i, std::string_view(v)); }
  Stmt& BindKept(int i, const std::optional<std::string>& v) { return v ? BindKept(i, std::string_view(*v)) : BindNull(i); }
  Stmt& Bind(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); return *this; }
  Stmt& Bind(int i, int v) { sqlite3_bind_int64(s_, i, v); return *this; }
  Stmt& Bind(int i, uint32_t v) { sqlite3_bind_int64(s_, i, v); return *this; }
  Stmt& Bind(int i, double v) { sqlite3_bind_double(s_, i, v); return *this; }
  Stmt& BindNull(int i) { sqlite3_bind_null(s_, i); return *this; }
  template <typename T>
  Stmt& Bind(int i, const std::optional<T>& v) { return v ? Bind(i, *v) : BindNull(i); }
  // SQLITE_ROW → true, SQLITE_DONE → false.
  StatusOr<bool> Step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return Status::IoError(std::string("database error: ") + sqlite3_errmsg(db_));
  }
  // For inserts, which bind every parameter each time: no clearing needed.
  Status Run() {
    auto r = Step();
    sqlite3_reset(s_);
    return r.ok() ? Status::Ok() : r.status();
  }
  void Reset() { sqlite3_reset(s_); sqlite3_clear_bindings(s_); }
  std::string Text(int col) {
    const unsigned char* t = sqlite3_column_text(s_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s_, col)) : std::string();
  }
  std::optional<std::string> OptText(int col) {
    if (sqlite3_column_type(s_, col) == SQLITE_NULL) return std::nullopt;
    return Text(col);
  }
  int64_t Int(int col) { return sqlite3_column_int64(s_, col); }
  bool IsNull(int col) { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  double Real(int col) { return sqlite3_column_double(s_, col); }
  std::optional<double> OptReal(int col) {
    if (sqlite3_column_type(s_, col) == SQLITE_NULL) return std::nullopt;
    return Real(col);
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* s_ = nullptr;
};

std::string Now() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::string FlagsJson(const std::vector<std::string>& flags) {
  return flags.empty() ? std::string("[]") : nlohmann::json(flags).dump();  // most claims have none
}

std::vector<std::string> ParseFlags(const std::string& s) {
  auto j = nlohmann::json::parse(s, nullptr, false);
  if (!j.is_array()) return {};
  return j.get<std::vector<std::string>>();
}


// The claim columns Store reads back, and the reading of them (ReadClaim).
constexpr const char* kClaimColumns =
    "claim_id, sentence_idx, span_start, span_end, text, number, value, unit, dimension, si_value, si_unit,"
    " denominator, qualifier, modality, metric, indicator, entity, period_label, period_from, period_to, flags";
constexpr int kClaimColumnCount = 21;
constexpr const char* kComparisonColumns =
    "span_start, span_end, text, percent, kind, direction, baseline, baseline_kind, flags";
constexpr const char* kComparisonsOfClaim =
    "SELECT span_start, span_end, text, percent, kind, direction, baseline, baseline_kind, flags"
    " FROM comparisons WHERE claim_id = ? ORDER BY idx";

// A claim from kClaimColumns starting at column `at` (its comparisons apart).
void ReadClaim(Stmt& q, int at, Claim* c) {
  c->sentence = static_cast<int>(q.Int(at + 1));
  c->span_begin = static_cast<uint32_t>(q.Int(at + 2));
  c->span_end = static_cast<uint32_t>(q.Int(at + 3));
  c->text = q.Text(at + 4); c->number = q.Text(at + 5); c->value = q.Real(at + 6);
  c->unit = q.Text(at + 7); c->dimension = q.Text(at + 8); c->base_value = q.Real(at + 9);
  c->base_unit = q.Text(at + 10); c->denominator = q.OptReal(at + 11); c->qualifier = q.OptText(at + 12);
  c->modality = q.Text(at + 13); c->metric = q.Text(at + 14); c->indicator = q.OptText(at + 15);
  c->entity = q.OptText(at + 16);
  if (auto label = q.OptText(at + 17)) c->period = Period{*label, q.Text(at + 18), q.Text(at + 19)};
  c->flags = ParseFlags(q.Text(at + 20));
}

// A comparison from kComparisonColumns starting at column `at`.
Comparison ReadComparison(Stmt& q, int at) {
  Comparison m;
  m.span_begin = static_cast<uint32_t>(q.Int(at));
  m.span_end = static_cast<uint32_t>(q.Int(at + 1));
  m.text = q.Text(at + 2); m.percent = q.Real(at + 3); m.kind = q.Text(at + 4);
  m.direction = q.OptText(at + 5); m.baseline = q.OptText(at + 6); m.baseline_kind = q.OptText(at + 7);
  m.flags = ParseFlags(q.Text(at + 8));
  return m;
}

Status ReadComparisons(Stmt& comps, const std::string& claim_id, Claim* c) {
  comps.Bind(1, claim_id);
  while (true) {
    auto k = comps.Step();
    if (!k.ok()) return k.status();
    if (!*k) break;
    c->comparisons.push_back(ReadComparison(comps, 0));
  }
  comps.Reset();
  return Status::Ok();
}

// Pieces of documents.normalized, read without loading the whole text: a
// document's text is read once per group of claims it has figures in.
class NormalizedText {
 public:
  NormalizedText(sqlite3* db, const std::string& path) : db_(db), path_(path) {}
  NormalizedText(const NormalizedText&) = delete;
  ~NormalizedText() { if (blob_) sqlite3_blob_close(blob_); }
  Status Read(int64_t rowid, int64_t begin, int64_t end, std::string* out) {
    int rc = SQLITE_OK;
    if (!blob_) rc = sqlite3_blob_open(db_, "main", "documents", "normalized", rowid, 0, &blob_);
    else if (rowid != rowid_) rc = sqlite3_blob_reopen(blob_, rowid);  // the same row keeps its overflow pages
    rowid_ = rc == SQLITE_OK ? rowid : -1;
    if (rc == SQLITE_OK && (begin < 0 || end < begin || end > sqlite3_blob_bytes(blob_))) rc = SQLITE_CORRUPT;
    size_t at = out->size();
    if (rc == SQLITE_OK) {
      out->resize(at + static_cast<size_t>(end - begin));
      rc = sqlite3_blob_read(blob_, out->data() + at, static_cast<int>(end - begin), static_cast<int>(begin));
    }
    if (rc != SQLITE_OK) {
      out->resize(at);
      return Status::Corrupt(path_ + ": document " + std::to_string(rowid) + ": cannot read sentence bytes " +
                             std::to_string(begin) + "-" + std::to_string(end) + ": " + sqlite3_errstr(rc));
    }
    return Status::Ok();
  }

 private:
  sqlite3* db_;
  std::string path_;
  sqlite3_blob* blob_ = nullptr;
  int64_t rowid_ = -1;
};

}  // namespace

struct Store::Statements {
  Stmt has_content, doc_by_id, insert_doc, insert_sentence, insert_claim, insert_comparison, insert_search_key;
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
  sqlite3_busy_timeout(store->db_, 10000);
  // Reading the schema version is the first thing that touches the file: a
  // file that is not a database fails here, with its name.
  Stmt version;
  if (!version.Prepare(store->db_, "PRAGMA user_version").ok()) {
    return Status::Corrupt(path + ": not a solieu database (" + sqlite3_errmsg(store->db_) + ")");
  }
  auto row = version.Step();
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
  } else {
    SOLIEU_RETURN_IF_ERROR(store->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                                       "cannot set up the database"));
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
    // Schema and views: idempotent, so opening also repairs missing views.
    for (const char* name : {"schema/schema.sql", "schema/views.sql"}) {
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
        " encoding_confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    SOLIEU_RETURN_IF_ERROR(s.insert_sentence.Prepare(db,
        "INSERT INTO sentences (doc_id, idx, norm_start, norm_end, span_start, span_end) VALUES (?,?,?,?,?,?)"));
    SOLIEU_RETURN_IF_ERROR(s.insert_claim.Prepare(db,
        "INSERT INTO claims (claim_id, doc_id, sentence_idx, ord, span_start, span_end, text, number, value, unit,"
        " dimension, si_value, si_unit, denominator, qualifier, modality, metric, metric_key, indicator, entity,"
        " period_label, period_from, period_to, flags, part_of)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    SOLIEU_RETURN_IF_ERROR(s.insert_comparison.Prepare(db,
        "INSERT INTO comparisons (claim_id, idx, span_start, span_end, text, percent, kind, direction, baseline,"
        " baseline_kind, flags) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
    SOLIEU_RETURN_IF_ERROR(s.insert_search_key.Prepare(db, "INSERT INTO sentence_search(rowid, key) VALUES (?,?)"));
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

StatusOr<int64_t> Store::CountUnfinishedRuns() {
  Stmt s;
  SOLIEU_RETURN_IF_ERROR(s.Prepare(db_, "SELECT count(*) FROM runs WHERE finished_at IS NULL"));
  auto r = s.Step();
  if (!r.ok()) return r.status();
  return s.Int(0);
}

Status Store::SetForeignKeys(bool on) {
  return Exec(std::string("PRAGMA foreign_keys=") + (on ? "ON" : "OFF"), "cannot set foreign key checks");
}

Status Store::Begin() { return Exec("BEGIN IMMEDIATE", "cannot begin a transaction"); }
Status Store::Commit() { return Exec("COMMIT", "cannot commit"); }

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
  s.insert_doc.Bind(1, d.doc_id).Bind(2, d.content_hash).Bind(3, d.source);
  if (d.url.empty()) s.insert_doc.BindNull(4); else s.insert_doc.Bind(4, d.url);
  if (d.title.empty()) s.insert_doc.BindNull(5); else s.insert_doc.Bind(5, d.title);
  s.insert_doc.Bind(6, d.published).Bind(7, d.encoding).BindKept(8, d.text).BindKept(9, a.normalized).Bind(10, run_id)
      .Bind(11, d.encoding_confidence);
  SOLIEU_RETURN_IF_ERROR(s.insert_doc.Run());
  // Search index rows: the document's rowid in the high bits, the sentence in the low 20.
  const int64_t search_base = static_cast<int64_t>(sqlite3_last_insert_rowid(db_)) << 20;
  std::vector<std::string> made;  // when the caller did not make the search keys
  if (index_search_ && a.search_keys.size() != a.sentences.size()) made = a.SearchKeys();
  const std::vector<std::string>& keys = a.search_keys.size() == a.sentences.size() ? a.search_keys : made;
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    const SentenceRecord& r = a.sentences[i];
    s.insert_sentence.BindKept(1, d.doc_id).Bind(2, static_cast<int64_t>(i)).Bind(3, r.norm_begin).Bind(4, r.norm_end)
        .Bind(5, r.begin).Bind(6, r.end);
    SOLIEU_RETURN_IF_ERROR(s.insert_sentence.Run());
    if (!index_search_) continue;
    s.insert_search_key.Bind(1, search_base + static_cast<int64_t>(i));
    s.insert_search_key.BindKept(2, keys[i]);
    SOLIEU_RETURN_IF_ERROR(s.insert_search_key.Run());
  }
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

StatusOr<std::vector<Store::SearchHit>> Store::Search(const std::string& folded_query, int limit) {
  // Each word quoted: the user's text is data, never FTS5 syntax.
  std::string match;
  size_t pos = 0;
  while (pos < folded_query.size()) {
    size_t end = folded_query.find(' ', pos);
    if (end == std::string::npos) end = folded_query.size();
    std::string word = folded_query.substr(pos, end - pos);
    std::string quoted;
    for (char c : word) { if (c == '"') quoted += '"'; quoted += c; }
    if (!word.empty()) match += (match.empty() ? "\"" : " \"") + quoted + "\"";
    pos = end + 1;
  }
  std::vector<SearchHit> hits;
  if (match.empty()) return hits;
  Stmt s;
  SOLIEU_RETURN_IF_ERROR(s.Prepare(db_,
      "SELECT d.doc_id, d.source, s.idx,"
      "       CAST(substr(CAST(d.normalized AS BLOB), s.norm_start + 1, s.norm_end - s.norm_start) AS TEXT)"
      " FROM (SELECT rowid AS r, rank FROM sentence_search WHERE sentence_search MATCH ? ORDER BY rank LIMIT ?) f"
      " JOIN documents d ON d.rowid = (f.r >> 20)"
      " JOIN sentences s ON s.doc_id = d.doc_id AND s.idx = (f.r & 1048575)"
      " ORDER BY f.rank"));
  s.Bind(1, match).Bind(2, limit);
  while (true) {
    auto row = s.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    hits.push_back({s.Text(0), s.Text(1), s.Text(3), s.Int(2)});
  }
  return hits;
}

Status Store::CreateIndexes() {
  auto sql = ReadRuleFile("schema/indexes.sql");
  if (!sql.ok()) return sql.status();
  // The bulk load is over and the cores are idle: let SQLite sort each
  // index on helper threads (a third less time at 840,000 claims).
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  SOLIEU_RETURN_IF_ERROR(Exec("PRAGMA threads=" + std::to_string(cores), "cannot set sorter threads"));
  Status built = Exec(*sql, "cannot build indexes");
  Status reset = Exec("PRAGMA threads=0", "cannot reset sorter threads");
  return built.ok() ? reset : built;
}

struct Store::Staging {
  Stmt finding, claim;
};

Status Store::StartStaging() {
  // Only the temporary database is written until ReplaceFindings, so this
  // deferred transaction takes no write lock on the database itself.
  SOLIEU_RETURN_IF_ERROR(Exec(
      "CREATE TEMP TABLE IF NOT EXISTS staged_findings (stage_id INTEGER PRIMARY KEY, k0, k1, k2, k3,"
      " kind, severity, expected, observed, tolerance, arithmetic, explanation, explanation_vi, printed);"
      "CREATE TEMP TABLE IF NOT EXISTS staged_finding_claims (stage_id, idx, claim_id, comparison_idx, role);"
      "DELETE FROM staged_findings; DELETE FROM staged_finding_claims; BEGIN",
      "cannot stage findings"));
  auto staging = std::make_unique<Staging>();
  SOLIEU_RETURN_IF_ERROR(staging->finding.Prepare(db_,
      "INSERT INTO staged_findings (k0, k1, k2, k3, kind, severity, expected, observed, tolerance, arithmetic,"
      " explanation, explanation_vi, printed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  SOLIEU_RETURN_IF_ERROR(staging->claim.Prepare(db_,
      "INSERT INTO staged_finding_claims (stage_id, idx, claim_id, comparison_idx, role) VALUES (?,?,?,?,?)"));
  staging_ = std::move(staging);
  return Status::Ok();
}

Status Store::StageFinding(const Finding& f, const FindingPlace& place, const std::string& printed) {
  if (!staging_) SOLIEU_RETURN_IF_ERROR(StartStaging());
  Stmt& q = staging_->finding;
  for (int i = 0; i < 4; ++i) q.Bind(i + 1, place.key[i]);
  SOLIEU_RETURN_IF_ERROR(q.Bind(5, f.kind).Bind(6, f.severity).Bind(7, f.expected).Bind(8, f.observed)
                             .Bind(9, f.tolerance).Bind(10, f.arithmetic).Bind(11, f.explanation)
                             .Bind(12, f.explanation_vi).Bind(13, printed).Run());
  int64_t id = sqlite3_last_insert_rowid(db_);
  for (size_t i = 0; i < f.claims.size(); ++i) {
    const FindingClaim& c = f.claims[i];
    SOLIEU_RETURN_IF_ERROR(staging_->claim.Bind(1, id).Bind(2, static_cast<int64_t>(i)).Bind(3, c.claim_id)
                               .Bind(4, c.comparison).Bind(5, c.role).Run());
  }
  return Status::Ok();
}

Status Store::ReplaceFindings(int64_t run_id, const std::string& doc_id) {
  if (!staging_) SOLIEU_RETURN_IF_ERROR(StartStaging());  // nothing found: the findings are replaced by none
  staging_->finding.Reset();
  staging_->claim.Reset();
  SOLIEU_RETURN_IF_ERROR(Exec("COMMIT; DROP TABLE IF EXISTS temp.staged_ids", "cannot stage findings"));
  SOLIEU_RETURN_IF_ERROR(Begin());
  auto write = [&]() -> Status {
    Stmt drop, findings, claims;
    SOLIEU_RETURN_IF_ERROR(drop.Prepare(db_,
        "DELETE FROM findings WHERE ?1 = '' OR finding_id IN (SELECT fc.finding_id FROM finding_claims fc"
        " JOIN claims c ON c.claim_id = fc.claim_id WHERE c.doc_id = ?1)"));
    SOLIEU_RETURN_IF_ERROR(drop.Bind(1, doc_id).Run());
    // Each staged finding's id: after the findings kept, in the staged order.
    SOLIEU_RETURN_IF_ERROR(Exec(
        "CREATE TEMP TABLE staged_ids AS SELECT stage_id, (SELECT coalesce(max(finding_id), 0) FROM main.findings)"
        " + row_number() OVER (ORDER BY k0, k1, k2, k3, stage_id) AS finding_id FROM staged_findings",
        "cannot store findings"));
    SOLIEU_RETURN_IF_ERROR(findings.Prepare(db_,
        "INSERT INTO main.findings (finding_id, kind, severity, expected, observed, tolerance, arithmetic,"
        " explanation, explanation_vi, run_id) SELECT i.finding_id, kind, severity, expected, observed, tolerance,"
        " arithmetic, explanation, explanation_vi, ?1 FROM staged_findings JOIN staged_ids i USING (stage_id)"
        " ORDER BY i.finding_id"));
    SOLIEU_RETURN_IF_ERROR(findings.Bind(1, run_id).Run());
    SOLIEU_RETURN_IF_ERROR(claims.Prepare(db_,
        "INSERT INTO main.finding_claims (finding_id, idx, claim_id, comparison_idx, role) SELECT i.finding_id,"
        " idx, claim_id, comparison_idx, role FROM staged_finding_claims JOIN staged_ids i USING (stage_id)"));
    return claims.Run();
  };
  Status written = write();
  if (!written.ok()) {
    Exec("ROLLBACK", "cannot roll back");  // the previous findings stay
    return written;
  }
  return Commit();
}

Status Store::ForEachStagedFinding(const std::function<Status(const std::string&, const std::string&)>& fn) {
  if (!staging_) return Status::Ok();
  Stmt q;
  SOLIEU_RETURN_IF_ERROR(q.Prepare(db_, "SELECT severity, printed FROM staged_findings ORDER BY k0, k1, k2, k3, stage_id"));
  while (true) {
    auto row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    SOLIEU_RETURN_IF_ERROR(fn(q.Text(0), q.Text(1)));
  }
  return Status::Ok();
}

Status Store::ForEachDocument(const std::function<Status(const AnalyzedDocument&)>& fn,
                              const std::string& only) {
  Stmt docs, sents, claims, comps;
  SOLIEU_RETURN_IF_ERROR(docs.Prepare(db_,
      "SELECT doc_id, content_hash, source, url, title, published, encoding, text, normalized, encoding_confidence"
      " FROM documents"
      " WHERE (?1 = '' OR doc_id = ?1) ORDER BY rowid"));
  SOLIEU_RETURN_IF_ERROR(sents.Prepare(db_,
      "SELECT norm_start, norm_end, span_start, span_end FROM sentences WHERE doc_id = ? ORDER BY idx"));
  SOLIEU_RETURN_IF_ERROR(claims.Prepare(db_,
      (std::string("SELECT ") + kClaimColumns + ", part_of FROM claims WHERE doc_id = ? ORDER BY ord").c_str()));
  SOLIEU_RETURN_IF_ERROR(comps.Prepare(db_, kComparisonsOfClaim));
  docs.Bind(1, only);
  while (true) {
    auto row = docs.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    AnalyzedDocument a;
    Document& d = a.doc;
    d.doc_id = docs.Text(0); d.content_hash = docs.Text(1); d.source = docs.Text(2);
    d.url = docs.Text(3); d.title = docs.Text(4); d.published = docs.OptText(5);
    d.encoding = docs.Text(6); d.text = docs.Text(7); a.normalized = docs.Text(8);
    d.encoding_confidence = docs.Real(9);
    sents.Bind(1, d.doc_id);
    while (true) {
      auto r = sents.Step();
      if (!r.ok()) return r.status();
      if (!*r) break;
      a.sentences.push_back({static_cast<uint32_t>(sents.Int(0)), static_cast<uint32_t>(sents.Int(1)),
                             static_cast<uint32_t>(sents.Int(2)), static_cast<uint32_t>(sents.Int(3))});
    }
    sents.Reset();
    claims.Bind(1, d.doc_id);
    std::vector<std::pair<int, std::string>> parts;
    std::vector<std::string> ids;
    while (true) {
      auto r = claims.Step();
      if (!r.ok()) return r.status();
      if (!*r) break;
      Claim c;
      ids.push_back(claims.Text(0));
      ReadClaim(claims, 0, &c);
      if (auto p = claims.OptText(kClaimColumnCount)) parts.push_back({static_cast<int>(a.claims.size()), *p});
      SOLIEU_RETURN_IF_ERROR(ReadComparisons(comps, ids.back(), &c));
      a.claims.push_back(std::move(c));
    }
    claims.Reset();
    for (auto& [i, parent] : parts) {
      for (size_t j = 0; j < ids.size(); ++j) if (ids[j] == parent) a.claims[i].part_of = static_cast<int>(j);
    }
    SOLIEU_RETURN_IF_ERROR(fn(a));
  }
  return Status::Ok();
}


Status Store::ForEachSeries(const std::function<Status(const std::vector<AnalyzedDocument>&,
                                                        const std::vector<int64_t>&)>& fn) {
  // Claims that can be compared across documents: a series (an indicator, or
  // else a metric of two words or more, folded), an entity and a whole period.
  // The same rule as Checker's Comparable (pipeline/check_cross.cc).
  const std::string comparable = " AND entity IS NOT NULL AND period_from <> '' AND period_to <> ''";
  const std::string by_indicator = " WHERE indicator <> ''" + comparable;
  const std::string by_metric = " WHERE indicator IS NULL AND instr(metric, ' ') > 0" + comparable;
  struct Group { std::string key, series, entity; bool indicator; };
  std::vector<Group> groups;
  Stmt list;
  SOLIEU_RETURN_IF_ERROR(list.Prepare(db_,
      ("SELECT DISTINCT 1, indicator, entity FROM claims" + by_indicator +
       " UNION ALL SELECT DISTINCT 0, metric_key, entity FROM claims" + by_metric).c_str()));
  while (true) {
    auto r = list.Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
    bool indicator = list.Int(0) != 0;
    std::string series = (indicator ? "" : "metric:") + list.Text(1), entity = list.Text(2);
    groups.push_back({series + "|" + entity + "|", list.Text(1), std::move(entity), indicator});
  }
  // The order of the checks' own group keys, which begin "series|entity|".
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.key < b.key; });
  // Each group's claims with their document and sentence, in stored order.
  auto claims_of = [&](const std::string& where, const char* series_column) {
    // A claim comes once per comparison it has (k.idx) or once without.
    return "SELECT d.rowid, d.doc_id, d.source, s.norm_start, s.norm_end, k.idx, k.*, c.*"
           " FROM (SELECT " + std::string(kClaimColumns) + ", doc_id AS of_doc, ord AS of_ord FROM claims" + where +
           " AND " + series_column + " = ?1 AND entity = ?2) c"
           " JOIN documents d ON d.doc_id = c.of_doc JOIN sentences s ON s.doc_id = c.of_doc AND s.idx = c.sentence_idx"
           " LEFT JOIN (SELECT claim_id AS of_claim, idx, " + std::string(kComparisonColumns) + " FROM comparisons) k"
           " ON k.of_claim = c.claim_id ORDER BY d.rowid, c.of_ord, k.idx";
  };
  constexpr int kComparisonAt = 8, kClaimAt = 17;  // k.*: of_claim, idx, then kComparisonColumns
  Stmt of_indicator, of_metric;
  SOLIEU_RETURN_IF_ERROR(of_indicator.Prepare(db_, claims_of(by_indicator, "indicator").c_str()));
  SOLIEU_RETURN_IF_ERROR(of_metric.Prepare(db_, claims_of(by_metric, "metric_key").c_str()));
  NormalizedText text(db_, path_);
  std::string last_claim;
  std::vector<AnalyzedDocument> docs;
  std::vector<int64_t> order;
  for (const Group& g : groups) {
    docs.clear();
    order.clear();
    Stmt& q = g.indicator ? of_indicator : of_metric;
    q.Bind(1, g.series).Bind(2, g.entity);
    while (true) {
      auto r = q.Step();
      if (!r.ok()) return r.status();
      if (!*r) break;
      if (order.empty() || order.back() != q.Int(0)) {
        order.push_back(q.Int(0));
        docs.emplace_back();
        docs.back().doc.doc_id = q.Text(1);
        docs.back().doc.source = q.Text(2);
      }
      AnalyzedDocument& a = docs.back();
      if (a.claims.empty() || q.Text(kClaimAt) != last_claim) {  // else the same claim's next comparison
        last_claim = q.Text(kClaimAt);
        Claim c;
        ReadClaim(q, kClaimAt, &c);
        // Only the sentences of these claims, one after another in `normalized`.
        if (a.sentences.size() <= static_cast<size_t>(c.sentence)) a.sentences.resize(c.sentence + 1);
        SentenceRecord& sentence = a.sentences[c.sentence];
        if (sentence.norm_end == 0) {
          sentence.norm_begin = static_cast<uint32_t>(a.normalized.size());
          SOLIEU_RETURN_IF_ERROR(text.Read(order.back(), q.Int(3), q.Int(4), &a.normalized));
          sentence.norm_end = static_cast<uint32_t>(a.normalized.size());
        }
        a.claims.push_back(std::move(c));
      }
      if (!q.IsNull(5)) a.claims.back().comparisons.push_back(ReadComparison(q, kComparisonAt));
    }
    q.Reset();
    SOLIEU_RETURN_IF_ERROR(fn(docs, order));
  }
  return Status::Ok();
}

}  // namespace solieu
