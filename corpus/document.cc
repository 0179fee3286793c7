#include "corpus/document.h"

#include "corpus/sha256.h"

#include <utility>

namespace solieu {

void FinishDocumentIdentity(Document* doc) { FinishDocumentIdentity(doc, Sha256Hex(doc->text)); }

void FinishDocumentIdentity(Document* doc, std::string content_hash) {
  doc->content_hash = std::move(content_hash);
  if (doc->doc_id.empty()) doc->doc_id = doc->content_hash.substr(0, 16);
}

}  // namespace solieu
