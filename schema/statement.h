// Internals of the store's own files (schema/store*.cc), not part of its
// public interface: Stmt, a prepared SQLite statement with typed binds and
// columns, and the statements a Store keeps for staging findings.
#ifndef SOLIEU_SCHEMA_STATEMENT_H_
#define SOLIEU_SCHEMA_STATEMENT_H_

#include <sqlite3.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "extractors/sentence_spans.h"
#include "schema/store.h"

namespace solieu {

// A prepared statement, reset after each use.
class Stmt {
 public:
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(s_); }
  Status Prepare(sqlite3* db, const char* sql) {
    db_ = db;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr) != SQLITE_OK) {
      return Status::Corrupt(DatabaseName() + ": cannot prepare statement: " + sqlite3_errmsg(db));
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
    // Named, since a load writes one database while it reads others (merge)
    // and a full disk shows here first.
    return Status::IoError(DatabaseName() + ": database error: " + sqlite3_errmsg(db_));
  }
  // For inserts, which bind every parameter each time: no clearing needed.
  Status Run() {
    auto r = Step();
    sqlite3_reset(s_);
    return r.ok() ? Status::Ok() : r.status();
  }
  void Reset() { sqlite3_reset(s_); sqlite3_clear_bindings(s_); }
  void Finalize() { sqlite3_finalize(s_); s_ = nullptr; }
  // The file of the statement's database, as SQLite resolved it.
  std::string DatabaseName() const {
    const char* name = db_ ? sqlite3_db_filename(db_, "main") : nullptr;
    return name && *name ? name : "database";
  }
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

struct Store::Staging {
  Stmt finding, claim;                   // into staged_findings, staged_finding_claims
  Stmt series_claim, series_comparison;  // into staged_series, staged_series_comparisons
};

// Claims and comparisons as the store reads them back (store_read.cc): the
// columns, in the order ReadClaim and ReadComparison read them from column
// `at` on (a claim's comparisons apart).
extern const char* const kClaimColumns;
constexpr int kClaimColumnCount = 21;
extern const char* const kComparisonColumns;
void ReadClaim(Stmt& q, int at, Claim* c);
Comparison ReadComparison(Stmt& q, int at);

// Column `col` of `q`, a document's sentence spans as stored in
// documents.sentences (extractors/sentence_spans.h), each within texts of
// these sizes; a message naming the database and document when it is not.
// Readers that use only the spans in the normalized text leave the stored
// text unread, and its size unchecked.
Status ReadSentenceSpans(Stmt& q, int col, const std::string& db_path, const std::string& doc_id,
                         size_t normalized_size, std::vector<SentenceRecord>* out,
                         size_t text_size = std::numeric_limits<size_t>::max());

// Flags as stored: a JSON array of strings (FlagsJson in store.cc).
std::string FlagsJson(const std::vector<std::string>& flags);
std::vector<std::string> ParseFlags(const std::string& json);

}  // namespace solieu

#endif  // SOLIEU_SCHEMA_STATEMENT_H_
