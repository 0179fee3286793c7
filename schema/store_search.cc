// Store's full-text search index: brought up to date apart from the load,
// and searched.
#include <sqlite3.h>

#include <algorithm>

#include "schema/statement.h"
#include "schema/store.h"

namespace solieu {
namespace {

// At most this many documents per batch, whatever their size.
constexpr int kIndexBatchDocuments = 8192;

}  // namespace

StatusOr<int64_t> Store::CountUnindexedDocuments() {
  // A database not yet upgraded from schema version 2 has no state: it
  // indexed each document as it was written.
  auto has_state = Count("SELECT count(*) FROM sqlite_master WHERE name = 'search_index_state'");
  if (!has_state.ok()) return has_state.status();
  if (*has_state == 0) return 0;
  return Count("SELECT count(*) FROM documents WHERE rowid > (SELECT indexed_through FROM search_index_state)");
}

Status Store::UpdateSearchIndex(const std::function<void(int64_t)>& progress, size_t batch_bytes) {
  Stmt docs, insert, mark;
  SOLIEU_RETURN_IF_ERROR(docs.Prepare(db_,
      "SELECT rowid, doc_id, normalized, sentences FROM documents"
      " WHERE rowid > (SELECT indexed_through FROM search_index_state) ORDER BY rowid LIMIT ?"));
  // The document's rowid in the high bits, the sentence in the low 20.
  SOLIEU_RETURN_IF_ERROR(insert.Prepare(db_, "INSERT INTO sentence_search(rowid, key) VALUES (?,?)"));
  SOLIEU_RETURN_IF_ERROR(mark.Prepare(db_, "UPDATE search_index_state SET indexed_through = ?"));
  SOLIEU_RETURN_IF_ERROR(Exec("INSERT INTO sentence_search(sentence_search, rank) VALUES ('hashsize', " +
                              std::to_string(2 * batch_bytes) + ")", "cannot configure the search index"));
  int64_t done = 0;
  while (true) {
    SOLIEU_RETURN_IF_ERROR(Begin());
    std::vector<std::pair<int64_t, AnalyzedDocument>> batch;
    docs.Bind(1, kIndexBatchDocuments);
    size_t bytes = 0;
    while (bytes < batch_bytes) {
      auto row = docs.Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      batch.emplace_back();
      batch.back().first = docs.Int(0);
      batch.back().second.doc.doc_id = docs.Text(1);
      batch.back().second.normalized = docs.Text(2);
      AnalyzedDocument& a = batch.back().second;
      bytes += a.normalized.size();
      SOLIEU_RETURN_IF_ERROR(ReadSentenceSpans(docs, 3, path_, a.doc.doc_id, a.normalized.size(), &a.sentences));
    }
    docs.Reset();
    if (batch.empty()) return Commit();
    for (auto& [rowid, a] : batch) {
      std::vector<std::string> keys = a.SearchKeys();
      // Rowids give a sentence 20 bits: one past a million sentences is not searchable.
      keys.resize(std::min<size_t>(keys.size(), size_t{1} << 20));
      for (size_t i = 0; i < keys.size(); ++i) {
        insert.Bind(1, (rowid << 20) + static_cast<int64_t>(i)).BindKept(2, keys[i]);
        SOLIEU_RETURN_IF_ERROR(insert.Run());
      }
    }
    mark.Bind(1, batch.back().first);
    SOLIEU_RETURN_IF_ERROR(mark.Run());
    SOLIEU_RETURN_IF_ERROR(Commit());
    done += static_cast<int64_t>(batch.size());
    if (progress) progress(done);
  }
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
      "SELECT d.doc_id, d.source, f.r & 1048575, d.normalized, d.sentences"
      " FROM (SELECT rowid AS r, rank FROM sentence_search WHERE sentence_search MATCH ? ORDER BY rank LIMIT ?) f"
      " JOIN documents d ON d.rowid = (f.r >> 20)"
      " ORDER BY f.rank"));
  s.Bind(1, match).Bind(2, limit);
  std::vector<SentenceRecord> spans;
  while (true) {
    auto row = s.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string doc_id = s.Text(0), normalized = s.Text(3);
    SOLIEU_RETURN_IF_ERROR(ReadSentenceSpans(s, 4, path_, doc_id, normalized.size(), &spans));
    int64_t idx = s.Int(2);
    if (idx >= static_cast<int64_t>(spans.size())) {
      return Status::Corrupt(path_ + ": the search index names sentence " + std::to_string(idx) + " of document '" +
                             doc_id + "', which it does not have");
    }
    const SentenceRecord& r = spans[idx];
    hits.push_back({doc_id, s.Text(1), normalized.substr(r.norm_begin, r.norm_end - r.norm_begin), idx});
  }
  return hits;
}

}  // namespace solieu
