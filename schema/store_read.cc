// Store's readers: documents whole (ForEachDocument), with their claims.
#include <sqlite3.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "schema/statement.h"
#include "schema/store.h"

namespace solieu {

std::vector<std::string> ParseFlags(const std::string& s) {
  auto j = nlohmann::json::parse(s, nullptr, false);
  if (!j.is_array()) return {};
  return j.get<std::vector<std::string>>();
}

const char* const kClaimColumns =
    "claim_id, sentence_idx, span_start, span_end, text, number, value, unit, dimension, si_value, si_unit,"
    " denominator, qualifier, modality, metric, indicator, entity, period_label, period_from, period_to, flags";
const char* const kComparisonColumns =
    "span_start, span_end, text, percent, kind, direction, baseline, baseline_kind, flags";

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

Comparison ReadComparison(Stmt& q, int at) {
  Comparison m;
  m.span_begin = static_cast<uint32_t>(q.Int(at));
  m.span_end = static_cast<uint32_t>(q.Int(at + 1));
  m.text = q.Text(at + 2); m.percent = q.Real(at + 3); m.kind = q.Text(at + 4);
  m.direction = q.OptText(at + 5); m.baseline = q.OptText(at + 6); m.baseline_kind = q.OptText(at + 7);
  m.flags = ParseFlags(q.Text(at + 8));
  return m;
}

Status ReadSentenceSpans(Stmt& q, int col, const std::string& db_path, const std::string& doc_id,
                         size_t normalized_size, std::vector<SentenceRecord>* out, size_t text_size) {
  bool fits = ParseSentenceSpans(q.Text(col), out);
  for (size_t i = 0; fits && i < out->size(); ++i) {
    const SentenceRecord& r = (*out)[i];
    fits = r.norm_begin <= r.norm_end && r.norm_end <= normalized_size && r.begin <= r.end && r.end <= text_size;
  }
  if (!fits) {
    return Status::Corrupt(db_path + ": document '" + doc_id +
                           "': documents.sentences is not a list of byte spans [norm_start, norm_end, span_start,"
                           " span_end] within its texts");
  }
  return Status::Ok();
}

namespace {

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

}  // namespace

Status Store::ForEachDocument(const std::function<Status(const AnalyzedDocument&)>& fn,
                              const std::string& only) {
  Stmt docs, claims, comps;
  SOLIEU_RETURN_IF_ERROR(docs.Prepare(db_,
      "SELECT doc_id, content_hash, source, url, title, published, encoding, text, normalized, encoding_confidence,"
      " sentences FROM documents"
      " WHERE (?1 = '' OR doc_id = ?1) ORDER BY rowid"));
  SOLIEU_RETURN_IF_ERROR(claims.Prepare(db_,
      (std::string("SELECT ") + kClaimColumns + ", part_of FROM claims WHERE doc_id = ? ORDER BY ord").c_str()));
  SOLIEU_RETURN_IF_ERROR(comps.Prepare(db_,
      (std::string("SELECT ") + kComparisonColumns + " FROM comparisons WHERE claim_id = ? ORDER BY idx").c_str()));
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
    SOLIEU_RETURN_IF_ERROR(
        ReadSentenceSpans(docs, 10, path_, d.doc_id, a.normalized.size(), &a.sentences, d.text.size()));
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

}  // namespace solieu
