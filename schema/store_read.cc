// Store's readers: documents whole (ForEachDocument), the claims compared
// across documents one series at a time (ForEachSeries), and search.
#include <sqlite3.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "schema/statement.h"
#include "schema/store.h"

namespace solieu {
namespace {

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
