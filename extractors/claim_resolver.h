// ClaimResolver: gives each claim of a document its entity, period and
// indicator, from the gazetteer, the period patterns and the indicator
// lexicon (extractors/data). Thread-safe.
//
// Entity: the administrative unit its sentence names (nearest before the
// figure), else the document's main entity (the one it names most). Period:
// the period expression nearest before the figure in its sentence, else the
// first after it in its clause (not a baseline "so với năm 2015"), else the
// period that opened an earlier sentence of its paragraph, else the period
// the title or lead names (not a horizon "đến năm 2030"). Indicator:
// the longest indicator alias that the folded metric contains. Parts: a
// figure after "trong đó", "gồm" is part of the figure of the same kind before it.
#ifndef SOLIEU_EXTRACTORS_CLAIM_RESOLVER_H_
#define SOLIEU_EXTRACTORS_CLAIM_RESOLVER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractors/claim.h"
#include "extractors/lexicon.h"
#include "extractors/period_finder.h"
#include "normalizers/sentence_splitter.h"

#include <re2/set.h>

namespace solieu {

// Which of the lexicon's sentence patterns can match one sentence, from one
// scan: the period rules (PeriodFinder's numbering), the gazetteer, and the
// extractor's non-claim patterns (the lexicon's order), ascending.
struct SentenceHits {
  std::vector<int> periods;
  std::vector<int> non_claims;
  bool names_place = false;  // or may: true too when the scan is not complete
  bool complete = true;      // false: RE2 ran out of memory for the set; each scan must run alone
  bool scanned = false;  // false: not looked for yet (Resolve scans the sentence itself)
};

class ClaimResolver {
 public:
  explicit ClaimResolver(std::shared_ptr<const Lexicon> lexicon);
  ~ClaimResolver();

  // `text` is the normalized document text; claims carry offsets into it and
  // their sentence index into `sentences`.
  // A figure stated as actual for a period that ends well after `published`
  // (the 2020-2025 term in an article of August 2020) is a target.
  // `hits`, when given, holds ScanSentence's answer for each sentence
  // that was scanned.
  void Resolve(std::string_view text, const std::vector<SentenceSpan>& sentences,
               const std::optional<std::string>& published, std::vector<Claim>* claims,
               const std::vector<SentenceHits>* hits = nullptr) const;

  // One pass over `sentence` for the period rules, the gazetteer and the
  // non-claim patterns together: the resolver needs the first two for every
  // sentence, and ClaimExtractor::Extract takes the third instead of
  // reading the sentence again for them.
  SentenceHits ScanSentence(std::string_view sentence) const;

  // The period an expression such as "8 tháng năm 2023" names, if any.
  std::optional<Period> ParsePeriod(std::string_view expression) const;

  // The indicator key for a phrase, if the lexicon knows it: the longest
  // alias the folded phrase holds whose dimension suits `dimension` (a money
  // figure is not a count indicator); any dimension when it is empty.
  std::optional<std::string> IndicatorFor(std::string_view phrase, std::string_view dimension = "") const;

 private:
  struct Mention { size_t begin, end; std::string value; };
  std::vector<Mention> Entities(std::string_view text) const;
  // The periods each sentence names, and the places, offsets into `text`.
  void ScanSentences(std::string_view text, const std::vector<SentenceSpan>& sentences,
                     const std::vector<SentenceHits>* hits, std::vector<std::vector<PeriodMention>>* periods,
                     std::vector<Mention>* places) const;
  void LinkParts(std::string_view text, const std::vector<SentenceSpan>& sentences, std::vector<Claim>* claims) const;

  std::shared_ptr<const Lexicon> lex_;
  PeriodFinder periods_;
  std::unique_ptr<re2::RE2> entity_re_;
  // The period rules, then the gazetteer, then the non-claim patterns: one
  // scan of a sentence tells which period rules match in it, whether it
  // names a place (so that the gazetteer runs only over the sentences that
  // name one) and which non-claim patterns the extractor must look for.
  std::unique_ptr<re2::RE2::Set> sentence_set_;
  std::unordered_map<std::string, std::string> alias_to_entity_;
  // Indicator aliases (indexes into lex_->indicators, ascending: longest
  // first) by their first word, the letters and digits they open with: a
  // word of a phrase is looked up once, instead of trying every alias that
  // shares its first letter ("t" opens most of them).
  std::unordered_map<std::string_view, std::vector<uint32_t>> indicators_by_word_;
  // One bit per first word of an alias, at WordBit of it: most words of a
  // phrase open no alias, and the bit says so before the map is asked.
  static constexpr size_t kWordBits = 4096;
  static size_t WordBit(std::string_view word);
  std::vector<uint64_t> first_words_ = std::vector<uint64_t>(kWordBits / 64);
};

}  // namespace solieu

#endif  // SOLIEU_EXTRACTORS_CLAIM_RESOLVER_H_
