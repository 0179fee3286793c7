// `solieu check`: the checks over a database, stored and printed.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <sstream>

#include "pipeline/check.h"
#include "pipeline/json_writer.h"
#include "pipeline/progress.h"
#include "schema/store.h"

namespace solieu {
namespace {

const char* kHeading[] = {"info", "warnings", "errors"};

}  // namespace

StatusOr<int> RunCheck(const CheckCommand& command, std::ostream& out, std::ostream& err) {
  int fail_rank = command.fail_on.empty() ? 3 : SeverityRank(command.fail_on);
  if (fail_rank < 1) return Status::Usage("--fail-on must be warning or error, not '" + command.fail_on + "'");
  if (command.format != "text" && command.format != "jsonl") {
    return Status::Usage("--format must be text or jsonl, not '" + command.format + "'");
  }
  auto checker = Checker::Create();
  if (!checker.ok()) return checker.status();
  auto opened = Store::Open(command.db, Store::Mode::kReadWrite);
  if (!opened.ok()) return opened.status();
  Store& store = **opened;
  // Indexes first: a database left by a killed ingest may lack them.
  SOLIEU_RETURN_IF_ERROR(store.CreateIndexes());
  // Findings go to a temporary table as they are found, each with its place
  // in Check's order, so that memory holds one document or one group of
  // claims, whatever the size of the database.
  int counts[3] = {0, 0, 0};
  std::ostringstream printed;
  auto stage = [&](const Checker::Placed& p) {
    ++counts[SeverityRank(p.finding.severity)];
    printed.str("");
    if (command.format == "jsonl") PrintFindingJsonl(p.finding, printed);
    else PrintFindingText(p.finding, printed);
    return store.StageFinding(p.finding, p.place, printed.str());
  };
  auto stored = store.CountDocuments();
  if (!stored.ok()) return stored.status();
  Progress reading(command.progress, 0);
  size_t claims = 0, documents = 0, grouped_claims = 0;
  bool found = command.doc_id.empty();
  std::vector<Checker::Placed> placed;
  std::vector<std::pair<int, std::string>> grouped;
  SOLIEU_RETURN_IF_ERROR(store.ForEachDocument([&](const AnalyzedDocument& d) {
    found |= d.doc.doc_id == command.doc_id;
    claims += d.claims.size();
    // The claims compared across documents wait on disk, grouped, for below.
    grouped.clear();
    for (size_t i = 0; i < d.claims.size(); ++i) {
      std::string key = Checker::GroupKey(d.claims[i]);
      if (!key.empty()) grouped.push_back({static_cast<int>(i), std::move(key)});
    }
    SOLIEU_RETURN_IF_ERROR(store.StageForSeries(d, static_cast<int64_t>(documents++), grouped));
    grouped_claims += grouped.size();
    reading.Count(documents, static_cast<uint64_t>(*stored), "documents checked");
    if (!command.doc_id.empty() && d.doc.doc_id != command.doc_id) return Status::Ok();
    placed.clear();
    (*checker)->CheckWithin(d, &placed);
    for (const Checker::Placed& p : placed) SOLIEU_RETURN_IF_ERROR(stage(p));
    return Status::Ok();
  }));
  reading.Finish();
  if (!found) return Status::NotFound(command.db + ": no document with id '" + command.doc_id + "'");
  Progress across(command.progress, 0);
  size_t compared = 0;
  SOLIEU_RETURN_IF_ERROR(store.ForEachStagedSeries([&](const std::vector<AnalyzedDocument>& docs,
                                                       const std::vector<int64_t>& order) {
    for (const AnalyzedDocument& d : docs) compared += d.claims.size();
    across.Count(compared, grouped_claims, "claims compared across documents");
    if (!command.doc_id.empty() &&
        std::none_of(docs.begin(), docs.end(), [&](auto& d) { return d.doc.doc_id == command.doc_id; })) {
      return Status::Ok();
    }
    placed.clear();
    (*checker)->CheckSeries(docs, order, &placed);
    for (const Checker::Placed& p : placed) {
      if (Checker::Involves(p.finding, command.doc_id)) SOLIEU_RETURN_IF_ERROR(stage(p));
    }
    return Status::Ok();
  }));
  across.Finish();
  nlohmann::json options = {{"doc", command.doc_id}, {"format", command.format}, {"fail_on", command.fail_on}};
  auto run = store.BeginRun("check", SOLIEU_VERSION, options.dump());
  if (!run.ok()) return run.status();
  SOLIEU_RETURN_IF_ERROR(store.ReplaceFindings(*run, command.doc_id));
  int total = counts[0] + counts[1] + counts[2];
  SOLIEU_RETURN_IF_ERROR(store.FinishRun(*run, 0, total, 0));
  std::string heading;
  SOLIEU_RETURN_IF_ERROR(store.ForEachStagedFinding([&](const std::string& severity, const std::string& text) {
    if (command.format == "text" && severity != heading) {
      heading = severity;
      int rank = SeverityRank(severity);
      out << "== " << kHeading[rank] << " (" << counts[rank] << ")\n\n";
    }
    out << text;
    return Status::Ok();
  }));
  int failing = 0;
  for (int rank = 0; rank < 3; ++rank) failing += rank >= fail_rank ? counts[rank] : 0;
  err << "checked " << claims << " claims in " << documents << " documents: " << counts[2] << " errors, "
      << counts[1] << " warnings, " << counts[0] << " info; stored in " << command.db << " (table findings)\n";
  return failing;
}

void PrintFindingText(const Finding& f, std::ostream& out) {
  out << f.severity << "  " << f.kind << ": " << f.explanation << "\n"
      << "    vi: " << f.explanation_vi << "\n";
  if (!f.arithmetic.empty()) out << "    arithmetic: " << f.arithmetic << "\n";
  for (const FindingClaim& c : f.claims) {
    out << "    " << c.role << " \"" << c.text << "\"  " << c.source << " [" << c.span_begin << "-" << c.span_end
        << "]\n      " << c.sentence << "\n";
  }
  out << "\n";
}

void PrintFindingsText(const std::vector<Finding>& findings, std::ostream& out) {
  for (int rank = 2; rank >= 0; --rank) {
    int n = 0;
    for (const Finding& f : findings) n += SeverityRank(f.severity) == rank;
    if (n == 0) continue;
    out << "== " << kHeading[rank] << " (" << n << ")\n\n";
    for (const Finding& f : findings) {
      if (SeverityRank(f.severity) == rank) PrintFindingText(f, out);
    }
  }
}

void PrintFindingJsonl(const Finding& f, std::ostream& out) {
  std::string line;
  JsonWriter w(&line);
  w.BeginObject().Key("kind").String(f.kind).Key("severity").String(f.severity).Key("claims").BeginArray();
  for (const FindingClaim& c : f.claims) {
    w.BeginObject().Key("doc_id").String(c.doc_id).Key("source").String(c.source).Key("span").BeginArray()
        .Int(c.span_begin).Int(c.span_end).EndArray().Key("text").String(c.text).Key("value").Number(c.value)
        .Key("unit").String(c.unit).Key("claim_id").String(c.claim_id).Key("role").String(c.role).EndObject();
  }
  w.EndArray().Key("expected").Number(f.expected).Key("observed").Number(f.observed).Key("tolerance")
      .Number(f.tolerance).Key("explanation").String(f.explanation).Key("explanation_vi").String(f.explanation_vi)
      .Key("arithmetic").String(f.arithmetic).EndObject();
  line.push_back('\n');
  out << line;
}

void PrintFindingsJsonl(const std::vector<Finding>& findings, std::ostream& out) {
  for (const Finding& f : findings) PrintFindingJsonl(f, out);
}

}  // namespace solieu
