// Report: one self-contained HTML page of a database (`solieu report`):
// a summary, the cross-check findings with the sentences of their claims,
// each indicator's series as an SVG chart drawn here, and every document
// with its figures marked. No scripts, fonts or requests: CSS only
// (pipeline/data/report.css). Every piece of text from a document is
// escaped, so an article holding "<script>" shows it and runs nothing.
#ifndef SOLIEU_PIPELINE_REPORT_H_
#define SOLIEU_PIPELINE_REPORT_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "extractors/analyzed_document.h"
#include "schema/finding.h"

namespace solieu {

struct ReportStats {
  size_t documents = 0, claims = 0, findings = 0, charts = 0, marks = 0;
};

// Writes the page for `docs` and their `findings` to `out`.
StatusOr<ReportStats> WriteReport(const std::vector<AnalyzedDocument>& docs, const std::vector<Finding>& findings,
                                  const std::string& title, std::ostream& out);

// `solieu report --db FILE --out FILE.html`: runs the checks over the
// database and writes the page.
StatusOr<ReportStats> ReportDatabase(const std::string& db_path, const std::string& out_path);

// Text made safe for HTML element content and attribute values.
std::string HtmlEscape(std::string_view text);

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_REPORT_H_
