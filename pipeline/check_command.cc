// `solieu check`: the checks over a database, stored and printed.
#include <nlohmann/json.hpp>

#include <map>

#include "pipeline/check.h"
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
  auto store = Store::Open(command.db, Store::Mode::kReadWrite);
  if (!store.ok()) return store.status();
  // Each document is checked on its own as it is read; the checks across
  // documents need every document, not only the one asked about, but only
  // their claims and those claims' sentences.
  std::vector<AnalyzedDocument> docs;
  std::vector<Finding> within;
  bool found = command.doc_id.empty();
  SOLIEU_RETURN_IF_ERROR((*store)->ForEachDocument([&](const AnalyzedDocument& d) {
    found |= d.doc.doc_id == command.doc_id;
    if (command.doc_id.empty() || d.doc.doc_id == command.doc_id) (*checker)->CheckWithin(d, &within);
    docs.push_back(SlimmedForCrossChecks(d));
    return Status::Ok();
  }));
  if (!found) return Status::NotFound(command.db + ": no document with id '" + command.doc_id + "'");
  nlohmann::json options = {{"doc", command.doc_id}, {"format", command.format}, {"fail_on", command.fail_on}};
  auto run = (*store)->BeginRun("check", SOLIEU_VERSION, options.dump());
  if (!run.ok()) return run.status();
  std::vector<Finding> findings = (*checker)->CheckAcross(docs, {command.doc_id}, std::move(within));
  SOLIEU_RETURN_IF_ERROR((*store)->ReplaceFindings(findings, *run, command.doc_id));
  SOLIEU_RETURN_IF_ERROR((*store)->CreateIndexes());
  size_t claims = 0;
  for (const auto& d : docs) claims += d.claims.size();
  SOLIEU_RETURN_IF_ERROR((*store)->FinishRun(*run, 0, static_cast<int64_t>(findings.size()), 0));
  int counts[3] = {0, 0, 0}, failing = 0;
  for (const Finding& f : findings) {
    ++counts[SeverityRank(f.severity)];
    failing += SeverityRank(f.severity) >= fail_rank;
  }
  if (command.format == "jsonl") PrintFindingsJsonl(findings, out);
  else PrintFindingsText(findings, out);
  err << "checked " << claims << " claims in " << docs.size() << " documents: " << counts[2] << " errors, "
      << counts[1] << " warnings, " << counts[0] << " info; stored in " << command.db << " (table findings)\n";
  return failing;
}

void PrintFindingsText(const std::vector<Finding>& findings, std::ostream& out) {
  for (int rank = 2; rank >= 0; --rank) {
    int n = 0;
    for (const Finding& f : findings) n += SeverityRank(f.severity) == rank;
    if (n == 0) continue;
    out << "== " << kHeading[rank] << " (" << n << ")\n\n";
    for (const Finding& f : findings) {
      if (SeverityRank(f.severity) != rank) continue;
      out << f.severity << "  " << f.kind << ": " << f.explanation << "\n"
          << "    vi: " << f.explanation_vi << "\n";
      if (!f.arithmetic.empty()) out << "    arithmetic: " << f.arithmetic << "\n";
      for (const FindingClaim& c : f.claims) {
        out << "    " << c.role << " \"" << c.text << "\"  " << c.source << " [" << c.span_begin << "-" << c.span_end
            << "]\n      " << c.sentence << "\n";
      }
      out << "\n";
    }
  }
}

void PrintFindingsJsonl(const std::vector<Finding>& findings, std::ostream& out) {
  using Json = nlohmann::ordered_json;
  auto number = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
  for (const Finding& f : findings) {
    Json claims = Json::array();
    for (const FindingClaim& c : f.claims) {
      claims.push_back({{"doc_id", c.doc_id}, {"source", c.source}, {"span", {c.span_begin, c.span_end}},
                        {"text", c.text}, {"value", c.value}, {"unit", c.unit}, {"claim_id", c.claim_id},
                        {"role", c.role}});
    }
    Json j = {{"kind", f.kind}, {"severity", f.severity}, {"claims", claims}, {"expected", number(f.expected)},
              {"observed", number(f.observed)}, {"tolerance", number(f.tolerance)}, {"explanation", f.explanation},
              {"explanation_vi", f.explanation_vi}, {"arithmetic", f.arithmetic}};
    out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  }
}

}  // namespace solieu
