// Store's findings: staged in a temporary table in any order, then stored
// and given back in the order of their places.
#include <sqlite3.h>

#include "schema/statement.h"
#include "schema/store.h"

namespace solieu {

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

}  // namespace solieu
