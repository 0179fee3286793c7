// Analyzer: one Document in, one AnalyzedDocument out: normalize (ICU),
// split sentences, extract claims (RE2), resolve entity, period and
// indicator, and map every span back to the original bytes.
//
// One Analyzer per worker thread (the sentence splitter is not thread-safe);
// the rule tables behind it are shared and loaded once by AnalyzerRules.
#ifndef SOLIEU_PIPELINE_ANALYZER_H_
#define SOLIEU_PIPELINE_ANALYZER_H_

#include <memory>

#include "corpus/document.h"
#include "corpus/status.h"
#include "extractors/analyzed_document.h"
#include "extractors/claim_extractor.h"
#include "extractors/claim_resolver.h"
#include "extractors/lexicon.h"
#include "normalizers/sentence_splitter.h"
#include "normalizers/text_normalizer.h"

namespace solieu {

// The shared, read-only part: normalizer tables and lexicons.
struct AnalyzerRules {
  std::shared_ptr<const TextNormalizer> normalizer;
  std::shared_ptr<const Lexicon> lexicon;
  std::shared_ptr<const ClaimExtractor> extractor;
  std::shared_ptr<const ClaimResolver> resolver;

  // Loads every rule file; an error names the file and row at fault.
  static StatusOr<std::shared_ptr<const AnalyzerRules>> Load();
};

class Analyzer {
 public:
  static StatusOr<std::unique_ptr<Analyzer>> Create(std::shared_ptr<const AnalyzerRules> rules);

  // Never fails on text the reader accepted: a document with no figure gives no claims.
  AnalyzedDocument Analyze(Document doc);

 private:
  std::shared_ptr<const AnalyzerRules> rules_;
  std::unique_ptr<SentenceSplitter> splitter_;
};

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_ANALYZER_H_
