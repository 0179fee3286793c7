#include "corpus/document.h"

#include "corpus/sha256.h"

namespace solieu {

void FinishDocumentIdentity(Document* doc) {
  doc->content_hash = Sha256Hex(doc->text);
  if (doc->doc_id.empty()) doc->doc_id = doc->content_hash.substr(0, 16);
}

}  // namespace solieu
