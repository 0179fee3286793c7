#include "pipeline/export.h"

#include "pipeline/analyzer.h"
#include "pipeline/claim_json.h"
#include "pipeline/parallel.h"
#include "schema/store.h"

namespace solieu {
namespace {

Status WriteLines(const AnalyzedDocument& a, bool with_documents, std::ostream& out, ExportStats* stats) {
  ++stats->documents;
  stats->claims += a.claims.size();
  thread_local std::string lines;  // reused: one document's lines, written at once
  lines.clear();
  if (with_documents) {
    AppendDocumentJson(a, &lines);
    lines.push_back('\n');
  } else {
    for (const Claim& c : a.claims) {
      AppendClaimJson(a, c, &lines);
      lines.push_back('\n');
    }
  }
  out.write(lines.data(), static_cast<std::streamsize>(lines.size()));
  if (!out) return Status::IoError("cannot write to standard output");
  return Status::Ok();
}

}  // namespace

StatusOr<ExportStats> ExportDatabase(const std::string& db_path, bool with_documents, const std::string& doc_id,
                                     std::ostream& out) {
  auto store = Store::Open(db_path, Store::Mode::kReadOnly);
  if (!store.ok()) return store.status();
  ExportStats stats;
  Status st = (*store)->ForEachDocument(
      [&](const AnalyzedDocument& a) { return WriteLines(a, with_documents, out, &stats); }, doc_id);
  if (!st.ok()) return st;
  if (!doc_id.empty() && stats.documents == 0) return Status::NotFound(db_path + ": no document with id " + doc_id);
  return stats;
}

StatusOr<ExportStats> ExtractToStream(const std::vector<std::string>& inputs, const ReaderOptions& reader_options,
                                      bool with_documents, int jobs, std::ostream& out,
                                      const std::function<void(const Skip&)>& on_skip) {
  auto rules = AnalyzerRules::Load();
  if (!rules.ok()) return rules.status();
  DocumentReader reader(inputs, reader_options);
  ExportStats stats;
  AnalysisCallbacks cb;
  cb.on_document = [&](AnalyzedDocument&& a) { return WriteLines(a, with_documents, out, &stats); };
  cb.on_skip = [&](const Skip& s) { ++stats.skipped; on_skip(s); };
  Status st = RunAnalysis(&reader, *rules, jobs, cb);
  if (!st.ok()) return st;
  return stats;
}

}  // namespace solieu
