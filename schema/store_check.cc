// What `solieu check` keeps on disk rather than in memory, in temporary
// tables: the claims it compares across documents, grouped, and its
// findings, in the order of their places.
#include <sqlite3.h>

#include <nlohmann/json.hpp>

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
                                        "DELETE FROM staged_series; BEGIN",
                              "cannot stage findings"));
  auto staging = std::make_unique<Staging>();
  SOLIEU_RETURN_IF_ERROR(staging->finding.Prepare(db_,
      "INSERT INTO staged_findings (k0, k1, k2, k3, kind, severity, expected, observed, tolerance, arithmetic,"
      " explanation, explanation_vi, printed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  SOLIEU_RETURN_IF_ERROR(staging->claim.Prepare(db_,
      "INSERT INTO staged_finding_claims (stage_id, idx, claim_id, comparison_idx, role) VALUES (?,?,?,?,?)"));
  SOLIEU_RETURN_IF_ERROR(staging->series_claim.Prepare(db_,
      ("INSERT INTO staged_series (group_key, doc_order, ord, doc_id, source, sentence, " + std::string(kClaimColumns) +
       ", comparisons) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)").c_str()));
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
  SOLIEU_RETURN_IF_ERROR(Exec("COMMIT; DROP TABLE IF EXISTS temp.staged_ids;"
                              "CREATE TEMP TABLE staged_ids (finding_id INTEGER PRIMARY KEY, stage_id INTEGER)",
                              "cannot stage findings"));
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

namespace {

// A claim's comparisons as one JSON value: an array of arrays, each field in
// the order of Comparison. They are rare, and read back only by their claim.
std::string ComparisonsJson(const std::vector<Comparison>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const Comparison& m : list) {
    auto opt = [](const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
    out.push_back({m.span_begin, m.span_end, m.text, m.percent, m.kind, opt(m.direction), opt(m.baseline),
                   opt(m.baseline_kind), m.flags});
  }
  return out.dump();
}

std::vector<Comparison> ComparisonsFromJson(const std::string& text) {
  std::vector<Comparison> list;
  auto opt = [](const nlohmann::json& v) {
    return v.is_string() ? std::optional<std::string>(v.get<std::string>()) : std::nullopt;
  };
  for (const auto& j : nlohmann::json::parse(text)) {
    Comparison m;
    m.span_begin = j[0].get<uint32_t>(); m.span_end = j[1].get<uint32_t>(); m.text = j[2].get<std::string>();
    m.percent = j[3].get<double>(); m.kind = j[4].get<std::string>(); m.direction = opt(j[5]);
    m.baseline = opt(j[6]); m.baseline_kind = opt(j[7]); m.flags = j[8].get<std::vector<std::string>>();
    list.push_back(std::move(m));
  }
  return list;
}

}  // namespace

Status Store::StageForSeries(const AnalyzedDocument& doc, int64_t doc_order,
                             const std::vector<std::pair<int, std::string>>& grouped) {
  if (grouped.empty()) return Status::Ok();
  if (!staging_) {
    Status started = StartStaging();
    if (!started.ok()) return TemporaryFailure(started);
  }
  Stmt& q = staging_->series_claim;
  for (const auto& [i, key] : grouped) {
    const Claim& c = doc.claims[i];
    q.Bind(1, key).Bind(2, doc_order).Bind(3, i).Bind(4, doc.doc.doc_id).Bind(5, doc.doc.source)
        .Bind(6, doc.SentenceText(c.sentence)).Bind(7, doc.ClaimId(c)).Bind(8, c.sentence).Bind(9, c.span_begin)
        .Bind(10, c.span_end).Bind(11, c.text).Bind(12, c.number).Bind(13, c.value).Bind(14, c.unit)
        .Bind(15, c.dimension).Bind(16, c.base_value).Bind(17, c.base_unit).Bind(18, c.denominator)
        .Bind(19, c.qualifier).Bind(20, c.modality).Bind(21, c.metric).Bind(22, c.indicator).Bind(23, c.entity);
    if (c.period) q.Bind(24, c.period->label).Bind(25, c.period->from).Bind(26, c.period->to);
    else q.BindNull(24).BindNull(25).BindNull(26);
    q.Bind(27, nlohmann::json(c.flags).dump());
    if (c.comparisons.empty()) q.BindNull(28); else q.Bind(28, ComparisonsJson(c.comparisons));
    Status stored = q.Run();
    if (!stored.ok()) return TemporaryFailure(stored);
  }
  return Status::Ok();
}

Status Store::ForEachStagedSeries(const std::function<Status(const std::vector<AnalyzedDocument>& docs,
                                                             const std::vector<int64_t>& order)>& fn) {
  if (!staging_) return Status::Ok();
  // One sort of everything staged (SQLite's, which spills to disk), read once.
  Stmt q;
  SOLIEU_RETURN_IF_ERROR(q.Prepare(db_,
      ("SELECT group_key, doc_order, doc_id, source, sentence, comparisons, " + std::string(kClaimColumns) +
       " FROM staged_series ORDER BY group_key, doc_order, ord").c_str()));
  constexpr int kClaimAt = 6;
  std::string key;
  std::vector<AnalyzedDocument> docs;
  std::vector<int64_t> order;
  while (true) {
    auto row = q.Step();
    if (!row.ok()) return TemporaryFailure(row.status());
    if (!*row || q.Text(0) != key) {
      if (!docs.empty()) SOLIEU_RETURN_IF_ERROR(fn(docs, order));
      if (!*row) break;
      key = q.Text(0);
      docs.clear();
      order.clear();
    }
    if (order.empty() || order.back() != q.Int(1)) {
      order.push_back(q.Int(1));
      docs.emplace_back();
      docs.back().doc.doc_id = q.Text(2);
      docs.back().doc.source = q.Text(3);
    }
    AnalyzedDocument& a = docs.back();
    Claim c;
    ReadClaim(q, kClaimAt, &c);
    if (!q.IsNull(5)) c.comparisons = ComparisonsFromJson(q.Text(5));
    // Only the sentences of these claims, one after another in `normalized`.
    if (a.sentences.size() <= static_cast<size_t>(c.sentence)) a.sentences.resize(c.sentence + 1);
    SentenceRecord& sentence = a.sentences[c.sentence];
    if (sentence.norm_end == 0) {
      sentence.norm_begin = static_cast<uint32_t>(a.normalized.size());
      a.normalized += q.Text(4);
      sentence.norm_end = static_cast<uint32_t>(a.normalized.size());
    }
    a.claims.push_back(std::move(c));
  }
  return Status::Ok();
}

}  // namespace solieu
