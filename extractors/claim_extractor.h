// ClaimExtractor: one normalized sentence in, the claims it states out.
//
// Finds numbers with RE2, leaves out those the non-claim patterns cover
// (years, dates, document numbers, ordinals, grades, clock times) and
// durations, reads scale words, units, rates, fractions and qualifiers, tells
// a percentage that compares ("bằng 107% Nghị quyết") from one that is a
// figure ("chiếm 56,7%") and attaches comparisons to the claim they qualify,
// and gives each claim a first metric and its modality. Entity, period and
// indicator come later, from ClaimResolver. Thread-safe.
#ifndef SOLIEU_EXTRACTORS_CLAIM_EXTRACTOR_H_
#define SOLIEU_EXTRACTORS_CLAIM_EXTRACTOR_H_

#include <memory>
#include <string_view>
#include <vector>

#include "extractors/claim.h"
#include "extractors/lexicon.h"

namespace solieu {

class ClaimExtractor {
 public:
  explicit ClaimExtractor(std::shared_ptr<const Lexicon> lexicon);
  ~ClaimExtractor();

  // Claims in `sentence`, in order of position; begin/end (of claims and
  // comparisons) are byte offsets into `sentence`. Never fails: text with no
  // figure gives an empty list. `non_claim_rules`, when given, are the
  // non-claim patterns (indexes into Lexicon::non_claims, ascending) that
  // can match in the sentence, as a scan of it for more than these found
  // (ClaimResolver::ScanSentence); otherwise the extractor finds them itself.
  std::vector<Claim> Extract(std::string_view sentence, const std::vector<int>* non_claim_rules = nullptr) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace solieu

#endif  // SOLIEU_EXTRACTORS_CLAIM_EXTRACTOR_H_
