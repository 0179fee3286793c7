// DocumentLine: what one line of `solieu extract --with-documents` holds, as
// read and before it is checked (content hash, spans) into an
// AnalyzedDocument by DocumentFromJson (pipeline/claim_json.h).
//
// ReadDocumentLine is the fast path of `solieu load`: one strict pass over
// the line straight into the document, instead of a JSON tree twice the
// size of the line. It returns false for any line it does not read exactly
// as a JSON parser would (broken JSON, a field of an unexpected type, a
// number out of range), and the caller then reads the line with the full
// parser, which also words the error.
#ifndef SOLIEU_PIPELINE_DOCUMENT_LINE_H_
#define SOLIEU_PIPELINE_DOCUMENT_LINE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "extractors/analyzed_document.h"

namespace solieu {

struct DocumentLine {
  AnalyzedDocument doc;                      // part_of not yet linked
  std::optional<std::string> content_hash;   // as the line states it
  std::vector<std::string> claim_ids;        // one per claim
  std::vector<std::optional<std::string>> part_of;  // one per claim
};

bool ReadDocumentLine(std::string_view line, DocumentLine* out);

// The same with the full JSON parser: any line; an error names `where`
// (FILE:LINE) and what is wrong.
Status ReadDocumentLineFully(const std::string& line, const std::string& where, DocumentLine* out);

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_DOCUMENT_LINE_H_
