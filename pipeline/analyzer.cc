#include "pipeline/analyzer.h"

#include <algorithm>

#include "extractors/text_scan.h"

namespace solieu {

StatusOr<std::shared_ptr<const AnalyzerRules>> AnalyzerRules::Load() {
  auto rules = std::make_shared<AnalyzerRules>();
  auto normalizer = TextNormalizer::Create();
  if (!normalizer.ok()) return normalizer.status();
  rules->normalizer = std::move(*normalizer);
  auto lexicon = Lexicon::Load();
  if (!lexicon.ok()) return lexicon.status();
  rules->lexicon = *lexicon;
  rules->extractor = std::make_shared<ClaimExtractor>(rules->lexicon);
  rules->resolver = std::make_shared<ClaimResolver>(rules->lexicon);
  return std::shared_ptr<const AnalyzerRules>(std::move(rules));
}

StatusOr<std::unique_ptr<Analyzer>> Analyzer::Create(std::shared_ptr<const AnalyzerRules> rules) {
  auto splitter = SentenceSplitter::Create();
  if (!splitter.ok()) return splitter.status();
  auto a = std::unique_ptr<Analyzer>(new Analyzer);
  a->rules_ = std::move(rules);
  a->splitter_ = std::move(*splitter);
  return a;
}

AnalyzedDocument Analyzer::Analyze(Document doc) {
  AnalyzedDocument out;
  NormalizedText norm = rules_->normalizer->Normalize(doc.text);
  if (!doc.published && norm.published) doc.published = norm.published;
  out.doc = std::move(doc);
  out.normalized = std::move(norm.text);
  const OffsetMap& map = norm.map;
  const std::string& original = out.doc.text;

  std::vector<SentenceSpan> spans = splitter_->Split(out.normalized);
  out.sentences.reserve(spans.size());
  // One scan of a sentence serves the extractor (non-claim patterns) and
  // the resolver (periods, places). Only a sentence with a digit can hold a
  // figure: the others are left for the resolver, which reads them only
  // when the document has a figure.
  std::vector<SentenceHits> hits(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    const SentenceSpan& sp = spans[i];
    out.sentences.push_back({sp.begin, sp.end, map.ToOriginalStart(sp.begin), map.ToOriginalEnd(sp.end)});
    std::string_view sentence = std::string_view(out.normalized).substr(sp.begin, sp.end - sp.begin);
    if (FindDigit(sentence) == std::string_view::npos) continue;
    hits[i] = rules_->resolver->ScanSentence(sentence);
    const std::vector<int>* non_claims = hits[i].complete ? &hits[i].non_claims : nullptr;
    std::vector<Claim> found = rules_->extractor->Extract(sentence, non_claims);
    // A report states a figure in most sentences from its first on: room for
    // one a sentence spares moving every claim each time the list grows. At
    // most 256: a long document with few figures must not hold room for
    // hundreds of thousands (a Claim is 600 bytes); past them it grows as usual.
    constexpr size_t kRoomAhead = 256;
    if (!found.empty() && out.claims.empty()) {
      out.claims.reserve(found.size() + std::min(spans.size() - i, kRoomAhead));
    }
    for (Claim& c : found) {
      c.sentence = static_cast<int>(i);
      c.begin += sp.begin;
      c.end += sp.begin;
      for (Comparison& m : c.comparisons) { m.begin += sp.begin; m.end += sp.begin; }
      out.claims.push_back(std::move(c));
    }
  }
  rules_->resolver->Resolve(out.normalized, spans, out.doc.published, &out.claims, &hits);
  for (Claim& c : out.claims) {
    c.span_begin = map.ToOriginalStart(c.begin);
    c.span_end = map.ToOriginalEnd(c.end);
    c.text = original.substr(c.span_begin, c.span_end - c.span_begin);
    for (Comparison& m : c.comparisons) {
      m.span_begin = map.ToOriginalStart(m.begin);
      m.span_end = map.ToOriginalEnd(m.end);
      m.text = original.substr(m.span_begin, m.span_end - m.span_begin);
    }
  }
  return out;
}

}  // namespace solieu
