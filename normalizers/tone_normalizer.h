// ToneNormalizer: moves the tone mark in open oa, oe, uy syllables to the
// convention spec/claims.md fixes (hoá → hóa, uỷ → ủy), from the table in
// normalizers/data/tone_placement.tsv. Input must be NFC. Thread-safe.
#ifndef SOLIEU_NORMALIZERS_TONE_NORMALIZER_H_
#define SOLIEU_NORMALIZERS_TONE_NORMALIZER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "corpus/offset_map.h"
#include "corpus/status.h"

namespace solieu {

class ToneNormalizer {
 public:
  static StatusOr<std::unique_ptr<ToneNormalizer>> Create();

  // Rewrites *text; when `map` is given it receives the map from the new
  // text back to the old (õe is shorter than oẽ in UTF-8). Returns how many
  // syllables changed.
  int Apply(std::string* text, OffsetMap* map = nullptr) const;

 private:
  struct Rule { std::string from, to; };
  std::vector<Rule> rules_;  // upper, capitalised and lower forms
  // Indexes into rules_ by a rule's first byte, in rules_' order (the first
  // rule that applies wins).
  std::array<std::vector<uint32_t>, 256> by_first_;
  // The first two bytes of some rule's `from` ("o" + lead byte of "á"): a
  // one-load test at every byte of the text before trying the rules at an
  // "o" or "u". first_ is by_first_'s non-empty lists, kept flat because an
  // empty-vector test per byte cost 10% more of the normalizer.
  std::array<bool, 256> first_{}, second_{};
};

}  // namespace solieu

#endif  // SOLIEU_NORMALIZERS_TONE_NORMALIZER_H_
