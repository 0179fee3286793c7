// Lexicon: the extractor's word lists and pattern tables, loaded once from
// extractors/data/*.tsv. Read-only after Load, so threads share one.
#ifndef SOLIEU_EXTRACTORS_LEXICON_H_
#define SOLIEU_EXTRACTORS_LEXICON_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "extractors/literal_set.h"

namespace re2 { class RE2; }

namespace solieu {

// A list of phrases with values, matched at word boundaries, longest first.
// Phrases are stored lower case; match against lower-cased text.
template <typename V>
class PhraseTable {
 public:
  struct Entry { std::string phrase; V value; };
  void Add(std::string phrase, V value);
  void Sort();  // longest phrase first; call after the last Add
  // The longest entry that starts at `pos` and ends at a word boundary.
  const Entry* MatchAt(std::string_view text, size_t pos) const;
  // The longest entry that ends at `pos` and starts at a word boundary.
  const Entry* MatchEndingAt(std::string_view text, size_t pos) const;
  // The first entry found anywhere in `text` as whole words.
  const Entry* FindIn(std::string_view text) const;
  const std::vector<Entry>& entries() const { return entries_; }
  // Whether `phrase` is at `pos` in `text`, byte for byte (no boundaries).
  // The lists tried share a first (or last) byte, so the second byte
  // settles most before the comparison.
  static bool PhraseAt(std::string_view text, size_t pos, std::string_view phrase) {
    const size_t n = phrase.size();
    if (pos > text.size() || n > text.size() - pos) return false;
    if (n > 1 && text[pos + 1] != phrase[1]) return false;
    return std::memcmp(text.data() + pos, phrase.data(), n) == 0;
  }

 private:
  std::vector<Entry> entries_;
  // Built by Sort(): entries by first and by last byte, so that matching
  // at a position compares a handful of phrases, not the whole table.
  std::array<std::vector<uint32_t>, 256> by_first_, by_last_;
};

struct UnitInfo {
  std::string dimension, si_unit, canonical;
  double si_factor = 1;
};

struct ComparisonVerb {
  std::string kind, direction;
  std::string when;  // always | with_baseline | without_subject
};

struct ModalityCue { std::string modality; bool sentence_scope = false; };

struct PatternRule {
  std::string kind;
  std::shared_ptr<re2::RE2> pattern;
};

struct IndicatorInfo { std::string key, dimension; };

struct GazetteerEntry { std::string canonical, type, parent; };

struct Lexicon {
  PhraseTable<double> scale_words;
  PhraseTable<UnitInfo> units;            // matched case-sensitively ("HTX", "USD")
  PhraseTable<int> rate_denominators;
  PhraseTable<std::string> qualifiers_before, qualifiers_after;
  PhraseTable<ModalityCue> modality;
  PhraseTable<ComparisonVerb> comparison_verbs;
  PhraseTable<std::string> baselines;     // lower-cased baseline start → baseline_kind
  PhraseTable<int> baseline_connectors;   // "so với"
  PhraseTable<int> baseline_ends;         // words that end a baseline phrase
  PhraseTable<int> verbs, leads, stops, tails, noun_links, list_joins, horizons, reviews, part_markers,
      share_cues, whole_cues;
  std::vector<PatternRule> non_claims;
  std::vector<PatternRule> periods;
  std::shared_ptr<re2::RE2> any_period;  // every period pattern in one alternation, for removing them at once
  LiteralSet prefixed_places;             // lower-case aliases that open with a place prefix ("thành phố bắc kạn")
  PhraseTable<IndicatorInfo> indicators;  // folded aliases
  PhraseTable<GazetteerEntry> gazetteer;  // aliases as written (NFC)
  PhraseTable<GazetteerEntry> gazetteer_lower;  // the same, lower case
  PhraseTable<int> place_prefixes;        // "thành phố", "tp.", "huyện", …: a name after them is a place in any case

  // Loads every table; an error names the file and line of a bad row, or a
  // pattern that does not match the example written beside it.
  static StatusOr<std::shared_ptr<const Lexicon>> Load();
};

}  // namespace solieu

#endif  // SOLIEU_EXTRACTORS_LEXICON_H_
