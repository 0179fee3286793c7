// libFuzzer target: any UTF-8 text through the whole analysis, the
// cross-checks and the HTML report. Checks that every claim's span cuts its
// own text out of the input, and that the report lets no tag of the input through.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include <sstream>

#include "corpus/utf8.h"
#include "pipeline/analyzer.h"
#include "pipeline/check.h"
#include "pipeline/report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto rules = *solieu::AnalyzerRules::Load();
  static auto analyzer = std::move(*solieu::Analyzer::Create(rules));
  std::string text(reinterpret_cast<const char*>(data), size);
  if (solieu::FindInvalidUtf8(text) != std::string::npos) return 0;
  solieu::Document doc;
  doc.text = text;
  doc.source = "fuzz";
  solieu::FinishDocumentIdentity(&doc);
  auto a = analyzer->Analyze(std::move(doc));
  for (const auto& c : a.claims) {
    bool ok = c.span_begin <= c.span_end && c.span_end <= a.doc.text.size() &&
              a.doc.text.compare(c.span_begin, c.span_end - c.span_begin, c.text) == 0 && c.sentence >= 0 &&
              static_cast<size_t>(c.sentence) < a.sentences.size();
    if (!ok) {
      std::fprintf(stderr, "bad claim span [%u, %u) text '%s' sentence %d of %zu\n", c.span_begin, c.span_end,
                   c.text.c_str(), c.sentence, a.sentences.size());
      std::abort();
    }
  }
  static auto checker = std::move(*solieu::Checker::Create());
  std::vector<solieu::AnalyzedDocument> docs{a, a};  // twice: the cross-document checks run too
  docs[1].doc.doc_id += "-copy";
  auto findings = checker->Check(docs);
  std::ostringstream page;
  if (!solieu::WriteReport(docs, findings, "fuzz", page).ok()) std::abort();
  if (page.str().find("<script") != std::string::npos) {
    std::fprintf(stderr, "a <script> tag reached the report\n");
    std::abort();
  }
  return 0;
}
