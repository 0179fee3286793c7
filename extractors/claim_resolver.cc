#include "extractors/claim_resolver.h"

#include <re2/re2.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <map>

#include "extractors/text_scan.h"
#include "normalizers/folding.h"

namespace solieu {
namespace {

std::string IsoDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int LastDay(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

int Roman(const std::string& r) {
  static const std::map<std::string, int> kRoman = {{"I", 1}, {"II", 2}, {"III", 3}, {"IV", 4}};
  auto it = kRoman.find(r);
  return it == kRoman.end() ? 0 : it->second;
}

}  // namespace

ClaimResolver::ClaimResolver(std::shared_ptr<const Lexicon> lexicon) : lex_(std::move(lexicon)) {
  std::string alternation;
  for (const auto& e : lex_->gazetteer.entries()) {  // longest first: leftmost-first picks it
    alternation += (alternation.empty() ? "" : "|") + RE2::QuoteMeta(e.phrase);
    alias_to_entity_.emplace(Lower(e.phrase), e.value.canonical);
  }
  // Case-insensitive: "Thành phố Thái Nguyên" opens a sentence.
  entity_re_ = std::make_unique<RE2>("(?i)(" + alternation + ")");
}

ClaimResolver::~ClaimResolver() = default;

std::vector<ClaimResolver::Mention> ClaimResolver::Entities(std::string_view text) const {
  std::vector<Mention> out;
  re2::StringPiece input(text.data(), text.size()), m;
  size_t pos = 0;
  while (pos < text.size() && entity_re_->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    size_t b = m.data() - text.data(), e = b + m.size();
    auto it = alias_to_entity_.find(Lower(std::string_view(m.data(), m.size())));
    if (it != alias_to_entity_.end()) out.push_back({b, e, it->second});
    pos = e;
  }
  return out;
}

std::optional<Period> ClaimResolver::ParsePeriod(std::string_view expr) const {
  for (const PatternRule& rule : lex_->periods) {
    std::string a, b;
    re2::StringPiece input(expr.data(), expr.size());
    int groups = rule.pattern->NumberOfCapturingGroups();
    bool hit = groups == 0   ? RE2::PartialMatch(input, *rule.pattern)
               : groups == 1 ? RE2::PartialMatch(input, *rule.pattern, &a)
                             : RE2::PartialMatch(input, *rule.pattern, &a, &b);
    if (!hit) continue;
    if (rule.kind == "previous_term") {
      // Resolved against the document's own term in Resolve; no dates here.
      return Period{std::string(expr), "", ""};
    }
    Period p;
    p.label = std::string(expr);
    if (rule.kind == "year") {
      int y = std::stoi(a);
      p.from = IsoDate(y, 1, 1); p.to = IsoDate(y, 12, 31);
    } else if (rule.kind == "months_of_year") {
      int m = std::stoi(a), y = std::stoi(b);
      if (m < 1 || m > 12) return std::nullopt;
      p.from = IsoDate(y, 1, 1); p.to = IsoDate(y, m, LastDay(y, m));
    } else if (rule.kind == "quarter") {
      int q = Roman(a), y = std::stoi(b);
      if (q == 0) return std::nullopt;
      p.from = IsoDate(y, 3 * q - 2, 1); p.to = IsoDate(y, 3 * q, LastDay(y, 3 * q));
    } else if (rule.kind == "term") {
      p.from = IsoDate(std::stoi(a), 1, 1); p.to = IsoDate(std::stoi(b), 12, 31);
    } else if (rule.kind == "school_year") {
      p.from = IsoDate(std::stoi(a), 9, 1); p.to = IsoDate(std::stoi(b), 8, 31);
    } else {
      continue;
    }
    return p;
  }
  return std::nullopt;
}

std::vector<std::pair<ClaimResolver::Mention, Period>> ClaimResolver::Periods(std::string_view s) const {
  std::vector<std::pair<Mention, Period>> out;
  for (const PatternRule& rule : lex_->periods) {
    re2::StringPiece input(s.data(), s.size()), m;
    size_t pos = 0;
    while (pos < s.size() && rule.pattern->Match(input, pos, s.size(), RE2::UNANCHORED, &m, 1)) {
      size_t b = m.data() - s.data(), e = b + m.size();
      pos = e;
      bool overlaps = false;
      for (auto& [mention, _] : out) overlaps |= b < mention.end && e > mention.begin;
      if (overlaps) continue;
      // "so với năm 2015" names a baseline, not the figure's period.
      std::string_view before = s.substr(0, b);
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      std::string lower_before = Lower(before.substr(before.size() - std::min<size_t>(before.size(), 24)));
      if (lex_->baseline_connectors.MatchEndingAt(lower_before, lower_before.size())) continue;
      bool horizon = lex_->horizons.MatchEndingAt(lower_before, lower_before.size()) != nullptr;
      if (auto p = ParsePeriod(s.substr(b, e - b))) out.push_back({{b, e, horizon ? "horizon" : p->label}, *p});
    }
  }
  std::sort(out.begin(), out.end(), [](auto& x, auto& y) { return x.first.begin < y.first.begin; });
  return out;
}

std::optional<std::string> ClaimResolver::IndicatorFor(std::string_view phrase, std::string_view dimension) const {
  if (phrase.empty()) return std::nullopt;
  auto quantity = [](std::string_view d) { return d == "money" || d == "count" || d == "mass" || d == "area"; };
  std::string folded = Fold(phrase);
  for (const auto& e : lex_->indicators.entries()) {
    if (quantity(dimension) && quantity(e.value.dimension) && dimension != e.value.dimension) continue;
    for (size_t at = folded.find(e.phrase); at != std::string::npos; at = folded.find(e.phrase, at + 1)) {
      bool starts_word = at == 0 || folded[at - 1] == ' ';
      size_t end = at + e.phrase.size();
      bool ends_word = end == folded.size() || !std::isalnum(static_cast<unsigned char>(folded[end]));
      if (starts_word && ends_word) return e.value.key;
    }
  }
  return std::nullopt;
}

void ClaimResolver::Resolve(std::string_view text, const std::vector<SentenceSpan>& sentences,
                            const std::optional<std::string>& published, std::vector<Claim>* claims) const {
  if (claims->empty()) return;
  std::vector<Mention> entities = Entities(text);
  // The document's main entity: named most often, first named on a tie.
  std::map<std::string, int> counts;
  for (auto& m : entities) ++counts[m.value];
  std::optional<std::string> main_entity;
  int best = 0;
  for (auto& m : entities) {
    if (counts[m.value] > best) { best = counts[m.value]; main_entity = m.value; }
  }
  // Context periods, for figures whose sentence names none: the last period
  // named earlier in the same paragraph ("đánh giá nhiệm kỳ 2015 - 2020 …
  // Tổng mức … đạt 3.200 tỷ đồng"), else the one the title or lead names.
  std::optional<Period> lead_period;
  std::vector<std::optional<Period>> context(sentences.size());
  std::optional<Period> in_paragraph;
  std::vector<uint32_t> first_figure(sentences.size(), UINT32_MAX);
  for (const Claim& c : *claims) first_figure[c.sentence] = std::min(first_figure[c.sentence], c.begin);
  std::map<std::string, std::pair<int, Period>> named;  // every period the document names, by label
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0 && text.substr(sentences[i - 1].end, sentences[i].begin - sentences[i - 1].end).find('\n') !=
                     std::string_view::npos) {
      in_paragraph.reset();
    }
    context[i] = in_paragraph;
    auto found = Periods(text.substr(sentences[i].begin, sentences[i].end - sentences[i].begin));
    // "đến năm 2030" is a horizon: the figures after it are not about 2030.
    std::erase_if(found, [](const auto& f) { return f.first.value == "horizon"; });
    if (!found.empty()) {
      // A period named before the sentence's first figure ("Năm 2023, …",
      // "… đánh giá nhiệm kỳ 2015 - 2020 đạt nhiều kết quả.") sets the
      // context of the sentences after it in the paragraph.
      for (const auto& f : found) {
        if (sentences[i].begin + f.first.begin < first_figure[i]) in_paragraph = f.second;
      }
      for (const auto& f : found) {
        if (f.second.from.empty()) continue;
        auto& entry = named[f.second.from + f.second.to];
        if (entry.first++ == 0) entry.second = f.second;
      }
      // The lead's period: the first named, narrowed by a later one inside it
      // (title "năm 2023", lead "8 tháng của năm 2023").
      for (const auto& f : found) {
        if (i >= 3) break;
        const Period& p = f.second;
        if (p.from.empty()) continue;  // relative: resolved later
        if (!lead_period) lead_period = p;
        else if (p.from >= lead_period->from && p.to <= lead_period->to) lead_period = p;
      }
    }
  }
  // Last resort: the period the document names most often ("nhiệm kì 2015-2020").
  std::optional<Period> most_named;
  int most = 0;
  for (const auto& [key, entry] : named) {
    if (entry.first > most) { most = entry.first; most_named = entry.second; }
  }
  if (!lead_period) lead_period = most_named;
  // "nhiệm kỳ qua" is the five-year term before the document's own term
  // (the lead's, when it spans years): 2020-2025 → 2015-2020.
  auto resolve_relative = [&](std::optional<Period>& p) {
    if (!p || !p->from.empty()) return;
    if (lead_period && !lead_period->from.empty() && lead_period->from.substr(0, 4) != lead_period->to.substr(0, 4)) {
      int start = std::stoi(lead_period->from.substr(0, 4));
      p = Period{p->label, IsoDate(start - 5, 1, 1), IsoDate(start, 12, 31)};
    } else {
      p.reset();
    }
  };
  for (auto& c : context) resolve_relative(c);
  int period_sentence = -1;
  std::vector<std::pair<Mention, Period>> periods;
  for (Claim& c : *claims) {
    const SentenceSpan& sp = sentences[c.sentence];
    // Entity: nearest mention before the figure in its sentence, else any in it.
    std::optional<std::string> entity;
    for (auto& m : entities) {
      if (m.begin < sp.begin || m.end > sp.end) continue;
      if (m.begin < c.begin || !entity) entity = m.value;
      if (m.begin >= c.begin) break;
    }
    c.entity = entity ? entity : main_entity;
    if (period_sentence != c.sentence) {
      periods = Periods(text.substr(sp.begin, sp.end - sp.begin));
      period_sentence = c.sentence;
    }
    // The nearest period before the figure in its sentence, else the first
    // after it in the same clause (up to ';').
    std::optional<Period> period;
    for (auto& [m, p] : periods) {
      size_t b = sp.begin + m.begin;
      if (b < c.begin) {
        period = p;
        continue;
      }
      if (!period && text.substr(c.end, b - c.end).find(';') == std::string_view::npos) period = p;
      break;
    }
    resolve_relative(period);
    if (!period) period = context[c.sentence] ? context[c.sentence] : lead_period;
    c.period = period;
    // Indicator: from the words that lead to the figure, else its metric,
    // else the start of its sentence ("Thu ngân sách đạt …, năm 2019 thu đạt 135,33 tỷ").
    c.indicator = IndicatorFor(c.context, c.dimension);
    if (!c.indicator) c.indicator = IndicatorFor(c.metric, c.dimension);
    // (Not for counts: an earlier clause's verb is not theirs.)
    if (!c.indicator && c.dimension != "count") {
      c.indicator = IndicatorFor(text.substr(sp.begin, c.begin - sp.begin), c.dimension);
    }
    // Stated as actual for a period ending over half a year after publication: a target.
    if (c.modality == "actual" && published && c.period && c.period->to > *published) {
      int py = std::stoi(published->substr(0, 4)), pm = std::stoi(published->substr(5, 2));
      int ty = std::stoi(c.period->to.substr(0, 4)), tm = std::stoi(c.period->to.substr(5, 2));
      if ((ty - py) * 12 + (tm - pm) > 6) c.modality = "target";
    }
  }
}

}  // namespace solieu
