// What `solieu check` keeps on disk rather than in memory, in temporary
// tables: the claims it compares across documents, grouped, and its
// findings, in the order of their places.
#include <sqlite3.h>

#include "corpus/rules.h"
#include "schema/statement.h"
#include "schema/store.h"

namespace solieu {

Status Store::StartStaging() {
  // Only the temporary database is written until ReplaceFindings, so this
  // deferred transaction takes no write lock on the database itself.
  auto tables = ReadRuleFile("schema/check_tables.sql");
  if (!tables.ok()) return tables.status();
  // On disk whatever this SQLite's build defaults to: memory must stay bounded.
  SOLIEU_RETURN_IF_ERROR(Exec("PRAGMA temp_store=FILE", "cannot stage findings"));
  SOLIEU_RETURN_IF_ERROR(Exec(*tables + "DELETE FROM staged_findings; DELETE FROM staged_finding_claims;"
                                        "DELETE FROM staged_series; DELETE FROM staged_series_comparisons;"
                                        "DELETE FROM staged_ids; BEGIN",
                              "cannot stage findings"));
  auto staging = std::make_unique<Staging>();
  SOLIEU_RETURN_IF_ERROR(staging->finding.Prepare(db_,
      "INSERT INTO staged_findings (k0, k1, k2, k3, kind, severity, expected, observed, tolerance, arithmetic,"
      " explanation, explanation_vi, printed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  SOLIEU_RETURN_IF_ERROR(staging->claim.Prepare(db_,
      "INSERT INTO staged_finding_claims (stage_id, idx, claim_id, comparison_idx, role) VALUES (?,?,?,?,?)"));
  SOLIEU_RETURN_IF_ERROR(staging->series_claim.Prepare(db_,
      ("INSERT INTO staged_series (group_key, doc_order, ord, doc_id, source, sentence, " + std::string(kClaimColumns) +
       ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)").c_str()));
  SOLIEU_RETURN_IF_ERROR(staging->series_comparison.Prepare(db_,
      ("INSERT INTO staged_series_comparisons (series_id, idx, " + std::string(kComparisonColumns) +
       ") VALUES (?,?,?,?,?,?,?,?,?,?,?)").c_str()));
  staging_ = std::move(staging);
  return Status::Ok();
}

// The temporary tables live in SQLite's temporary directory: when they
// cannot grow, the message says where they were.
Status Store::TemporaryFailure(const Status& failed) const {
  return Status::IoError(path_ + ": cannot keep check's working tables (in SQLite's temporary directory: "
                         "SQLITE_TMPDIR, else TMPDIR, else /var/tmp or /tmp): " + failed.message());
}

Status Store::StageFinding(const Finding& f, const FindingPlace& place, const std::string& printed) {
  Status staged = StageFindingRows(f, place, printed);
  return staged.ok() ? staged : TemporaryFailure(staged);
}

Status Store::StageFindingRows(const Finding& f, const FindingPlace& place, const std::string& printed) {
  if (!staging_) SOLIEU_RETURN_IF_ERROR(StartStaging());
  Stmt& q = staging_->finding;
  for (int i = 0; i < 4; ++i) q.Bind(i + 1, place[i]);
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
  SOLIEU_RETURN_IF_ERROR(Exec("COMMIT; DELETE FROM staged_ids", "cannot stage findings"));
  // Replacing them all, the rows that refer to findings go first, so the
  // checks of those references are not needed (and cannot be switched off
  // inside the transaction).
  if (doc_id.empty()) SOLIEU_RETURN_IF_ERROR(SetForeignKeys(false));
  SOLIEU_RETURN_IF_ERROR(Begin());
  auto write = [&]() -> Status {
    if (doc_id.empty()) {
      SOLIEU_RETURN_IF_ERROR(Exec("DELETE FROM main.finding_claims; DELETE FROM main.findings", "cannot store findings"));
    } else {
      Stmt drop;
      SOLIEU_RETURN_IF_ERROR(drop.Prepare(db_,
          "DELETE FROM findings WHERE finding_id IN (SELECT fc.finding_id FROM finding_claims fc"
          " JOIN claims c ON c.claim_id = fc.claim_id WHERE c.doc_id = ?1)"));
      SOLIEU_RETURN_IF_ERROR(drop.Bind(1, doc_id).Run());
    }
    // Each staged finding's id, after the findings kept, in the staged order;
    // then both tables are filled in id order, appending.
    SOLIEU_RETURN_IF_ERROR(Exec(
        "INSERT INTO staged_ids SELECT (SELECT coalesce(max(finding_id), 0) FROM main.findings)"
        " + row_number() OVER (ORDER BY k0, k1, k2, k3, stage_id), stage_id FROM staged_findings;"
        "INSERT INTO main.findings (finding_id, kind, severity, expected, observed, tolerance, arithmetic,"
        " explanation, explanation_vi, run_id) SELECT i.finding_id, kind, severity, expected, observed, tolerance,"
        " arithmetic, explanation, explanation_vi, " + std::to_string(run_id) +
        " FROM staged_ids i JOIN staged_findings f ON f.stage_id = i.stage_id ORDER BY i.finding_id;"
        "INSERT INTO main.finding_claims (finding_id, idx, claim_id, comparison_idx, role)"
        " SELECT i.finding_id, idx, claim_id, comparison_idx, role FROM staged_ids i"
        " JOIN staged_finding_claims c ON c.stage_id = i.stage_id ORDER BY i.finding_id, c.idx",
        "cannot store findings"));
    return Status::Ok();
  };
  Status written = write();
  if (!written.ok()) {
    Exec("ROLLBACK", "cannot roll back");  // the previous findings stay
  } else {
    written = Commit();
  }
  Status checks = SetForeignKeys(true);
  return written.ok() ? checks : written;
}

Status Store::ForEachStagedFinding(const std::function<Status(const std::string&, const std::string&)>& fn) {
  if (!staging_) return Status::Ok();
  Stmt q;
  SOLIEU_RETURN_IF_ERROR(q.Prepare(db_, "SELECT severity, printed FROM staged_ids i"
                                        " JOIN staged_findings f ON f.stage_id = i.stage_id ORDER BY i.finding_id"));
  while (true) {
    auto row = q.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    SOLIEU_RETURN_IF_ERROR(fn(q.Text(0), q.Text(1)));
  }
  return Status::Ok();
}

Status Store::StageForSeries(const AnalyzedDocument& doc, int64_t doc_order,
                             const std::vector<std::pair<int, std::string>>& grouped) {
  if (grouped.empty()) return Status::Ok();
  if (!staging_) {
    Status started = StartStaging();
    if (!started.ok()) return TemporaryFailure(started);
  }
  Stmt& q = staging_->series_claim;
  Stmt& k = staging_->series_comparison;
  for (const auto& [i, key] : grouped) {
    const Claim& c = doc.claims[i];
    q.Bind(1, key).Bind(2, doc_order).Bind(3, i).Bind(4, doc.doc.doc_id).Bind(5, doc.doc.source)
        .Bind(6, doc.SentenceText(c.sentence)).Bind(7, doc.ClaimId(c)).Bind(8, c.sentence).Bind(9, c.span_begin)
        .Bind(10, c.span_end).Bind(11, c.text).Bind(12, c.number).Bind(13, c.value).Bind(14, c.unit)
        .Bind(15, c.dimension).Bind(16, c.base_value).Bind(17, c.base_unit).Bind(18, c.denominator)
        .Bind(19, c.qualifier).Bind(20, c.modality).Bind(21, c.metric).Bind(22, c.indicator).Bind(23, c.entity);
    if (c.period) q.Bind(24, c.period->label).Bind(25, c.period->from).Bind(26, c.period->to);
    else q.BindNull(24).BindNull(25).BindNull(26);
    q.Bind(27, FlagsJson(c.flags));
    Status stored = q.Run();
    const int64_t series_id = sqlite3_last_insert_rowid(db_);
    for (size_t n = 0; n < c.comparisons.size() && stored.ok(); ++n) {
      const Comparison& m = c.comparisons[n];
      stored = k.Bind(1, series_id).Bind(2, static_cast<int64_t>(n)).Bind(3, m.span_begin).Bind(4, m.span_end)
                   .Bind(5, m.text).Bind(6, m.percent).Bind(7, m.kind).Bind(8, m.direction).Bind(9, m.baseline)
                   .Bind(10, m.baseline_kind).Bind(11, FlagsJson(m.flags)).Run();
    }
    if (!stored.ok()) return TemporaryFailure(stored);
  }
  return Status::Ok();
}

Status Store::ForEachStagedSeries(const std::function<Status(const std::vector<AnalyzedDocument>& docs,
                                                             const std::vector<int64_t>& order)>& fn) {
  if (!staging_) return Status::Ok();
  // One sort of everything staged (SQLite's, which spills to disk), read
  // once: a claim comes once per comparison it has, or once without.
  Stmt q;
  SOLIEU_RETURN_IF_ERROR(q.Prepare(db_,
      ("SELECT s.*, k.* FROM (SELECT rowid AS series_id, group_key, doc_order, ord, doc_id, source, sentence, " +
       std::string(kClaimColumns) + " FROM staged_series) s LEFT JOIN (SELECT series_id AS of_claim, idx, " +
       kComparisonColumns + " FROM staged_series_comparisons) k ON k.of_claim = s.series_id"
       " ORDER BY s.group_key, s.doc_order, s.ord, k.idx").c_str()));
  enum { kSeriesId, kKey, kDocOrder, kOrd, kDocId, kSource, kSentence, kClaimAt };
  constexpr int kComparisonIdx = kClaimAt + kClaimColumnCount + 1, kComparisonAt = kComparisonIdx + 1;  // after k.of_claim
  std::string key;
  int64_t last_claim = -1;
  std::vector<AnalyzedDocument> docs;
  std::vector<int64_t> order;
  while (true) {
    auto row = q.Step();
    if (!row.ok()) return TemporaryFailure(row.status());
    if (!*row || q.Text(kKey) != key) {
      if (!docs.empty()) SOLIEU_RETURN_IF_ERROR(fn(docs, order));
      if (!*row) break;
      key = q.Text(kKey);
      docs.clear();
      order.clear();
    }
    if (order.empty() || order.back() != q.Int(kDocOrder)) {
      order.push_back(q.Int(kDocOrder));
      docs.emplace_back();
      docs.back().doc.doc_id = q.Text(kDocId);
      docs.back().doc.source = q.Text(kSource);
    }
    AnalyzedDocument& a = docs.back();
    if (q.Int(kSeriesId) == last_claim) {  // the same claim's next comparison
      a.claims.back().comparisons.push_back(ReadComparison(q, kComparisonAt));
      continue;
    }
    last_claim = q.Int(kSeriesId);
    Claim c;
    ReadClaim(q, kClaimAt, &c);
    if (!q.IsNull(kComparisonIdx)) c.comparisons.push_back(ReadComparison(q, kComparisonAt));
    // Only the sentences of these claims, one after another in `normalized`.
    if (a.sentences.size() <= static_cast<size_t>(c.sentence)) a.sentences.resize(c.sentence + 1);
    SentenceRecord& sentence = a.sentences[c.sentence];
    if (sentence.norm_end == 0) {
      sentence.norm_begin = static_cast<uint32_t>(a.normalized.size());
      a.normalized += q.Text(kSentence);
      sentence.norm_end = static_cast<uint32_t>(a.normalized.size());
    }
    a.claims.push_back(std::move(c));
  }
  return Status::Ok();
}

}  // namespace solieu
