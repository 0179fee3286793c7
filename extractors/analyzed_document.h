// AnalyzedDocument: what the analysis stages make of one document, and what
// the store keeps of it: the document, its normalized text, its sentences
// and its claims.
#ifndef SOLIEU_EXTRACTORS_ANALYZED_DOCUMENT_H_
#define SOLIEU_EXTRACTORS_ANALYZED_DOCUMENT_H_

#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "corpus/document.h"
#include "extractors/claim.h"
#include "normalizers/folding.h"

namespace solieu {

struct SentenceRecord {
  uint32_t norm_begin, norm_end;  // bytes in the normalized text
  uint32_t begin, end;            // bytes in the stored (original) text
};

struct AnalyzedDocument {
  Document doc;
  std::string normalized;
  std::vector<SentenceRecord> sentences;
  std::vector<Claim> claims;  // in order of position; spans filled

  std::string_view SentenceText(int i) const {
    const SentenceRecord& s = sentences[i];
    return std::string_view(normalized).substr(s.norm_begin, s.norm_end - s.norm_begin);
  }
  std::string ClaimId(const Claim& c) const {
    constexpr int kDigits = 10;  // of a 32-bit number
    char buf[2 * kDigits + 2];   // ":start-end"
    buf[0] = ':';
    char* p = std::to_chars(buf + 1, buf + 1 + kDigits, c.span_begin).ptr;
    *p = '-';
    p = std::to_chars(p + 1, buf + sizeof buf, c.span_end).ptr;
    std::string id;
    id.reserve(doc.doc_id.size() + (p - buf));
    return id.append(doc.doc_id).append(buf, p);
  }
  // What the full-text index holds for each sentence: its folded text.
  std::vector<std::string> SearchKeys() const {
    std::vector<std::string> keys;
    keys.reserve(sentences.size());
    for (size_t i = 0; i < sentences.size(); ++i) keys.push_back(Fold(SentenceText(static_cast<int>(i))));
    return keys;
  }
};

}  // namespace solieu

#endif  // SOLIEU_EXTRACTORS_ANALYZED_DOCUMENT_H_
