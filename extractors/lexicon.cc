#include "extractors/lexicon.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>

#include "corpus/rules.h"
#include "extractors/text_scan.h"
#include "normalizers/folding.h"

namespace solieu {

template <typename V>
void PhraseTable<V>::Add(std::string phrase, V value) {
  entries_.push_back({std::move(phrase), std::move(value)});
}

template <typename V>
void PhraseTable<V>::Sort() {
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.phrase.size() > b.phrase.size(); });
  for (auto& b : by_first_) b.clear();
  for (auto& b : by_last_) b.clear();
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const std::string& p = entries_[i].phrase;
    if (p.empty()) continue;
    by_first_[static_cast<unsigned char>(p.front())].push_back(i);
    by_last_[static_cast<unsigned char>(p.back())].push_back(i);
  }
}

template <typename V>
const typename PhraseTable<V>::Entry* PhraseTable<V>::MatchAt(std::string_view text, size_t pos) const {
  if (pos >= text.size()) return nullptr;
  for (uint32_t i : by_first_[static_cast<unsigned char>(text[pos])]) {
    const Entry& e = entries_[i];
    if (!PhraseAt(text, pos, e.phrase)) continue;
    size_t end = pos + e.phrase.size();
    bool last_is_word = IsWordCharBefore(text, end);
    if (last_is_word && IsWordCharAt(text, end)) continue;
    return &e;
  }
  return nullptr;
}

template <typename V>
const typename PhraseTable<V>::Entry* PhraseTable<V>::MatchEndingAt(std::string_view text, size_t pos) const {
  if (pos == 0 || pos > text.size()) return nullptr;
  for (uint32_t i : by_last_[static_cast<unsigned char>(text[pos - 1])]) {
    const Entry& e = entries_[i];
    if (e.phrase.size() > pos) continue;
    size_t start = pos - e.phrase.size();
    if (!PhraseAt(text, start, e.phrase)) continue;
    if (IsWordCharAt(text, start) && IsWordCharBefore(text, start)) continue;
    return &e;
  }
  return nullptr;
}

template <typename V>
const typename PhraseTable<V>::Entry* PhraseTable<V>::FindIn(std::string_view text) const {
  for (size_t pos = 0; pos < text.size(); ++pos) {
    // Most bytes start no phrase: the table says so before the word tests.
    if (by_first_[static_cast<unsigned char>(text[pos])].empty()) continue;
    if (IsWordCharAt(text, pos) && IsWordCharBefore(text, pos)) continue;
    if (const Entry* e = MatchAt(text, pos)) return e;
  }
  return nullptr;
}

template class PhraseTable<double>;
template class PhraseTable<int>;
template class PhraseTable<std::string>;
template class PhraseTable<UnitInfo>;
template class PhraseTable<ComparisonVerb>;
template class PhraseTable<IndicatorInfo>;
template class PhraseTable<GazetteerEntry>;
template class PhraseTable<ModalityCue>;

namespace {

StatusOr<std::vector<TsvRow>> Rows(const char* name, size_t min_fields) {
  return ReadTsvRules(std::string("extractors/data/") + name, min_fields);
}

#define LOAD_ROWS(var, name, n)        \
  auto var = Rows(name, n);            \
  if (!var.ok()) return var.status();

// Compiles pattern rows ("kind, pattern, example") and checks each against its example.
Status LoadPatterns(const std::vector<TsvRow>& rows, std::vector<PatternRule>* out) {
  for (const TsvRow& row : rows) {
    auto re = std::make_shared<re2::RE2>(row.fields[1]);
    if (!re->ok()) return Status::Corrupt(row.where + ": bad pattern: " + re->error());
    if (row.fields.size() > 2 && !re2::RE2::PartialMatch(row.fields[2], *re)) {
      return Status::Corrupt(row.where + ": pattern does not match its example '" + row.fields[2] + "'");
    }
    out->push_back({row.fields[0], std::move(re)});
  }
  return Status::Ok();
}

std::vector<std::string> SplitBar(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t bar = s.find('|', start);
    out.push_back(s.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return out;
}

}  // namespace

StatusOr<std::shared_ptr<const Lexicon>> Lexicon::Load() {
  auto lex = std::make_shared<Lexicon>();

  LOAD_ROWS(scale, "scale_words.tsv", 2);
  for (auto& r : *scale) lex->scale_words.Add(r.fields[0], std::strtod(r.fields[1].c_str(), nullptr));

  LOAD_ROWS(units, "units.tsv", 5);
  for (auto& r : *units) {
    lex->units.Add(r.fields[0], UnitInfo{r.fields[1], r.fields[2], r.fields[4], std::strtod(r.fields[3].c_str(), nullptr)});
  }
  LOAD_ROWS(rates, "rate_denominators.tsv", 1);
  for (auto& r : *rates) lex->rate_denominators.Add(r.fields[0], 0);

  LOAD_ROWS(quals, "qualifiers.tsv", 3);
  for (auto& r : *quals) {
    if (r.fields[1] == "before") lex->qualifiers_before.Add(r.fields[0], r.fields[2]);
    else if (r.fields[1] == "after") lex->qualifiers_after.Add(r.fields[0], r.fields[2]);
    else return Status::Corrupt(r.where + ": position must be before or after");
  }
  LOAD_ROWS(modality, "modality.tsv", 3);
  for (auto& r : *modality) {
    if (r.fields[2] != "clause" && r.fields[2] != "sentence") return Status::Corrupt(r.where + ": scope must be clause or sentence");
    lex->modality.Add(r.fields[0], ModalityCue{r.fields[1], r.fields[2] == "sentence"});
  }

  LOAD_ROWS(comparisons, "comparisons.tsv", 2);
  for (auto& r : *comparisons) {
    const std::string& row = r.fields[0];
    if (row == "verb") {
      if (r.fields.size() < 5) return Status::Corrupt(r.where + ": a verb row needs phrase, kind, direction, when");
      const std::string& when = r.fields[4];
      if (when != "always" && when != "with_baseline" && when != "without_subject") {
        return Status::Corrupt(r.where + ": when must be always, with_baseline or without_subject");
      }
      lex->comparison_verbs.Add(r.fields[1], ComparisonVerb{r.fields[2], r.fields[3], when});
    } else if (row == "baseline" && r.fields.size() > 2) {
      lex->baselines.Add(Lower(r.fields[1]), r.fields[2]);
    } else if (row == "connector") {
      lex->baseline_connectors.Add(r.fields[1], 0);
    } else if (row == "baseline_end") {
      lex->baseline_ends.Add(r.fields[1], 0);
    } else {
      return Status::Corrupt(r.where + ": row must be verb, baseline, connector or baseline_end");
    }
  }
  LOAD_ROWS(preds, "predicates.tsv", 2);
  for (auto& r : *preds) {
    const std::string& role = r.fields[1];
    if (role == "verb") lex->verbs.Add(r.fields[0], 0);
    else if (role == "lead") lex->leads.Add(r.fields[0], 0);
    else if (role == "stop") lex->stops.Add(r.fields[0], 0);
    else if (role == "tail") lex->tails.Add(r.fields[0], 0);
    else if (role == "noun_link") lex->noun_links.Add(r.fields[0], 0);
    else if (role == "list") lex->list_joins.Add(r.fields[0], 0);
    else if (role == "horizon") lex->horizons.Add(r.fields[0], 0);
    else if (role == "review") lex->reviews.Add(r.fields[0], 0);
    else if (role == "part") lex->part_markers.Add(r.fields[0], 0);
    else if (role == "share") lex->share_cues.Add(r.fields[0], 0);
    else if (role == "whole") lex->whole_cues.Add(r.fields[0], 0);
    else if (role == "place_prefix") lex->place_prefixes.Add(r.fields[0], 0);
    else return Status::Corrupt(r.where + ": role must be verb, lead, stop, tail, noun_link, list, horizon, review, part, share, whole or place_prefix");
  }
  LOAD_ROWS(non_claims, "non_claims.tsv", 3);
  SOLIEU_RETURN_IF_ERROR(LoadPatterns(*non_claims, &lex->non_claims));
  LOAD_ROWS(periods, "periods.tsv", 3);
  SOLIEU_RETURN_IF_ERROR(LoadPatterns(*periods, &lex->periods));
  {
    std::string any;
    for (const PatternRule& p : lex->periods) any += (any.empty() ? "(?:" : "|(?:") + p.pattern->pattern() + ")";
    lex->any_period = std::make_shared<re2::RE2>(any);
    if (!lex->any_period->ok()) return Status::Corrupt("extractors/data/periods.tsv: patterns do not combine: " + lex->any_period->error());
  }

  LOAD_ROWS(indicators, "indicators.tsv", 3);
  for (auto& r : *indicators) {
    for (const std::string& alias : SplitBar(r.fields[2])) {
      lex->indicators.Add(Fold(alias), IndicatorInfo{r.fields[0], r.fields[1]});
    }
  }
  LOAD_ROWS(gazetteer, "gazetteer.tsv", 3);
  for (auto& r : *gazetteer) {
    GazetteerEntry e{r.fields[0], r.fields[1], r.fields.size() > 3 ? r.fields[3] : ""};
    for (const std::string& alias : SplitBar(r.fields[2])) {
      lex->gazetteer.Add(alias, e);
      lex->gazetteer_lower.Add(Lower(alias), e);
    }
  }

  for (auto* t : {&lex->verbs, &lex->leads, &lex->stops, &lex->tails, &lex->rate_denominators, &lex->noun_links,
                  &lex->list_joins, &lex->horizons, &lex->reviews, &lex->part_markers, &lex->share_cues, &lex->whole_cues, &lex->place_prefixes, &lex->baseline_connectors, &lex->baseline_ends}) {
    t->Sort();
  }
  lex->scale_words.Sort();
  lex->units.Sort();
  lex->qualifiers_before.Sort();
  lex->qualifiers_after.Sort();
  lex->modality.Sort();
  lex->comparison_verbs.Sort();
  lex->baselines.Sort();
  lex->indicators.Sort();
  lex->gazetteer.Sort();
  lex->gazetteer_lower.Sort();
  // Only names with their prefix: a bare one may be a common phrase ("chợ mới").
  for (const auto& e : lex->gazetteer_lower.entries()) {
    if (lex->place_prefixes.MatchAt(e.phrase, 0)) lex->prefixed_places.Add(e.phrase);
  }
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

}  // namespace solieu
