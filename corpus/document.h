// Document: one input text as read, before normalization (see spec/claims.md).
#ifndef SOLIEU_CORPUS_DOCUMENT_H_
#define SOLIEU_CORPUS_DOCUMENT_H_

#include <optional>
#include <string>

namespace solieu {

struct Document {
  std::string doc_id;        // JSONL `id`, else first 16 hex digits of SHA-256(text)
  std::string source;        // path as given; JSONL: `url`, else FILE:LINE
  std::string text;          // stored text: a UTF-8 file's own bytes less a BOM
  std::string content_hash;  // full SHA-256 hex of `text`
  std::string title;
  std::string url;
  std::optional<std::string> published;  // ISO date "2020-08-06"
  std::string encoding = "utf-8";      // as read: utf-8, tcvn3, vni-windows, …, html
  double encoding_confidence = 1;      // how clearly detection chose it (0..1)
};

// Fills content_hash, and doc_id when it is empty, from `text`.
void FinishDocumentIdentity(Document* doc);
// The same with `content_hash` already computed from `text`.
void FinishDocumentIdentity(Document* doc, std::string content_hash);

}  // namespace solieu

#endif  // SOLIEU_CORPUS_DOCUMENT_H_
