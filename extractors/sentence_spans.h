// A document's sentences as JSON: [[norm_start, norm_end, span_start,
// span_end], ...], byte spans into its normalized and its stored text. The
// one spelling of them in document lines (extract --with-documents, load)
// and in the database (documents.sentences).
#ifndef SOLIEU_EXTRACTORS_SENTENCE_SPANS_H_
#define SOLIEU_EXTRACTORS_SENTENCE_SPANS_H_

#include <string>
#include <string_view>
#include <vector>

#include "corpus/json_scanner.h"
#include "extractors/analyzed_document.h"

namespace solieu {

std::string SentenceSpansJson(const std::vector<SentenceRecord>& sentences);
// The spans value at `scan`; false when it is not of that shape.
bool ScanSentenceSpans(JsonScanner& scan, std::vector<SentenceRecord>* out);
// A text that is nothing but such a value.
bool ParseSentenceSpans(std::string_view json, std::vector<SentenceRecord>* out);

}  // namespace solieu

#endif  // SOLIEU_EXTRACTORS_SENTENCE_SPANS_H_
