// The JSONL export of spec/claims.md: one line per claim, or with
// --with-documents one line per document carrying everything a database
// needs (the mapper format for scale-out), and the reader of those lines.
#ifndef SOLIEU_PIPELINE_CLAIM_JSON_H_
#define SOLIEU_PIPELINE_CLAIM_JSON_H_

#include <string>

#include "corpus/status.h"
#include "extractors/analyzed_document.h"

namespace solieu {

// Appends one claim of `doc` as the spec's export object (field order as the
// spec lists them), without a newline.
void AppendClaimJson(const AnalyzedDocument& doc, const Claim& claim, std::string* out);

// Appends {"document": {...}, "claims": [...]} for one document, without a newline.
void AppendDocumentJson(const AnalyzedDocument& doc, std::string* out);

// Reads a line written by AppendDocumentJson back; `where` is "FILE:LINE".
Status DocumentFromJson(const std::string& line, const std::string& where, AnalyzedDocument* doc);

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_CLAIM_JSON_H_
