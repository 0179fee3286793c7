#include "extractors/claim_resolver.h"

#include <re2/re2.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "extractors/text_scan.h"
#include "normalizers/code_points.h"
#include "normalizers/folding.h"

namespace solieu {
namespace {

// The letters and digits at `at`: an indicator alias's first word, or the
// word of a folded phrase looked up by it. An alias that matches at `at`
// opens with the same run: the byte after its run is not a letter or digit,
// in the alias and so in the phrase, or the alias ends there, where the
// phrase may not go on with one.
std::string_view AlnumRun(std::string_view s, size_t at) {
  size_t end = at;
  while (end < s.size() && IsAsciiAlnum(static_cast<unsigned char>(s[end]))) ++end;
  return s.substr(at, end - at);
}

}  // namespace

ClaimResolver::ClaimResolver(std::shared_ptr<const Lexicon> lexicon) : lex_(lexicon), periods_(lexicon) {
  std::string alternation;
  for (const auto& e : lex_->gazetteer.entries()) {  // longest first: leftmost-first picks it
    // With its prefix a name matches in any case ("Thành phố Thái Nguyên"
    // opens a sentence); bare, only as capitalised ("Chợ Mới", not "xây
    // dựng chợ mới", a new market).
    std::string quoted = RE2::QuoteMeta(e.phrase);
    bool prefixed = lex_->place_prefixes.MatchAt(Lower(e.phrase), 0) != nullptr;
    alternation += (alternation.empty() ? "" : "|") + (prefixed ? "(?i:" + quoted + ")" : quoted);
    alias_to_entity_.emplace(Lower(e.phrase), e.value.canonical);
  }
  entity_re_ = std::make_unique<RE2>("(" + alternation + ")");
  sentence_set_ = std::make_unique<RE2::Set>(RE2::Options(), RE2::UNANCHORED);
  periods_.AddRules(sentence_set_.get());
  if (sentence_set_->Add(entity_re_->pattern(), nullptr) < 0) throw std::logic_error("gazetteer rejected by RE2::Set");
  for (const PatternRule& rule : lex_->non_claims) {
    if (sentence_set_->Add(rule.pattern->pattern(), nullptr) < 0) throw std::logic_error("non-claim pattern rejected by RE2::Set");
  }
  if (!sentence_set_->Compile()) throw std::logic_error("period, place and non-claim patterns do not compile as a set");
  const auto& indicators = lex_->indicators.entries();
  for (uint32_t i = 0; i < indicators.size(); ++i) {
    std::string_view word = AlnumRun(indicators[i].phrase, 0);
    indicators_by_word_[word].push_back(i);
    first_words_[WordBit(word) / 64] |= uint64_t{1} << (WordBit(word) % 64);
  }
}

// Its length and first eight bytes, mixed (Fibonacci hashing).
size_t ClaimResolver::WordBit(std::string_view word) {
  uint64_t packed = word.size();
  const size_t n = std::min<size_t>(word.size(), 8);
  for (size_t i = 0; i < n; ++i) packed = (packed << 8) | static_cast<unsigned char>(word[i]);
  return static_cast<size_t>((packed * 0x9E3779B97F4A7C15ull) >> 52);  // 12 bits: kWordBits
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

SentenceHits ClaimResolver::ScanSentence(std::string_view sentence) const {
  const int gazetteer = static_cast<int>(lex_->periods.size());  // after the period rules
  SentenceHits out;
  out.scanned = true;
  std::vector<int> hits;
  RE2::Set::ErrorInfo error;
  if (!sentence_set_->Match(re2::StringPiece(sentence.data(), sentence.size()), &hits, &error)) {
    out.complete = error.kind == RE2::Set::kNoError;
    out.names_place = !out.complete;  // unknown: the gazetteer must look
    return out;
  }
  std::sort(hits.begin(), hits.end());  // the rules' own order decides overlaps
  for (int h : hits) {
    if (h < gazetteer) out.periods.push_back(h);
    else if (h == gazetteer) out.names_place = true;
    else out.non_claims.push_back(h - gazetteer - 1);
  }
  return out;
}

void ClaimResolver::ScanSentences(std::string_view text, const std::vector<SentenceSpan>& sentences,
                                  const std::vector<SentenceHits>* hits,
                                  std::vector<std::vector<PeriodMention>>* periods,
                                  std::vector<Mention>* places) const {
  periods->assign(sentences.size(), {});
  for (size_t i = 0; i < sentences.size(); ++i) {
    std::string_view s = text.substr(sentences[i].begin, sentences[i].end - sentences[i].begin);
    const bool given = hits && (*hits)[i].scanned;
    SentenceHits own;
    if (!given) own = ScanSentence(s);
    const SentenceHits& h = given ? (*hits)[i] : own;
    if (!h.complete) {
      (*periods)[i] = periods_.Find(s);  // RE2 ran out of memory for the set: each scan alone
    } else if (!h.periods.empty()) {
      (*periods)[i] = periods_.FindRules(s, h.periods);
    }
    if (!h.names_place) continue;
    for (Mention& m : Entities(s)) {
      m.begin += sentences[i].begin;
      m.end += sentences[i].begin;
      places->push_back(std::move(m));
    }
  }
}

std::optional<Period> ClaimResolver::ParsePeriod(std::string_view expr) const { return periods_.Parse(expr); }

std::optional<std::string> ClaimResolver::IndicatorFor(std::string_view phrase, std::string_view dimension) const {
  if (phrase.empty()) return std::nullopt;
  auto quantity = [](std::string_view d) { return d == "money" || d == "count" || d == "mass" || d == "area"; };
  std::string folded = Fold(phrase);
  const auto& entries = lex_->indicators.entries();
  // The longest alias anywhere in the phrase (entries are longest first, so
  // the smallest index wins), found from the word starts only.
  uint32_t best = UINT32_MAX;
  for (size_t at = 0; at < folded.size(); ++at) {
    if (at > 0 && folded[at - 1] != ' ') continue;
    const std::string_view run = AlnumRun(folded, at);
    const size_t bit = WordBit(run);
    if (!(first_words_[bit / 64] >> (bit % 64) & 1)) continue;
    auto word = indicators_by_word_.find(run);
    if (word == indicators_by_word_.end()) continue;
    for (uint32_t i : word->second) {
      if (i >= best) break;
      const auto& e = entries[i];
      if (!lex_->indicators.PhraseAt(folded, at, e.phrase)) continue;
      size_t end = at + e.phrase.size();
      if (end != folded.size() && IsAsciiAlnum(static_cast<unsigned char>(folded[end]))) continue;
      if (quantity(dimension) && quantity(e.value.dimension) && dimension != e.value.dimension) continue;
      if (dimension == "count" && e.value.dimension == "percent") continue;  // 407 tin báo is not a rate
      best = i;
      break;
    }
  }
  if (best == UINT32_MAX) return std::nullopt;
  return entries[best].value.key;
}

namespace {

// A period that opens its sentence ("Năm 2023, …", "Trong 8 tháng …", "Đến
// nay …", "…, trong nhiệm kỳ 2020 - 2025, Đảng bộ đã đề ra …") speaks for the
// sentences after it in the paragraph; one inside a figure's clause ("…, năm
// 2019 thu đạt 135 tỷ", "Kế hoạch … chỉ số cải cách hành chính năm 2022, …") does not.
bool OpensSentence(std::string_view sentence, const PeriodMention& m, size_t first_figure) {
  if (first_figure == std::string_view::npos && m.review) return true;  // "… đánh giá nhiệm kỳ 2015 - 2020 …"
  if (first_figure != std::string_view::npos && m.end > first_figure) return false;
  size_t clause = sentence.substr(0, m.begin).find_last_of(",;:");
  clause = clause == std::string_view::npos ? 0 : clause + 1;
  size_t words = 0;  // words of its clause before it
  for (size_t i = clause; i < m.begin; ++i) words += sentence[i] != ' ' && (i == clause || sentence[i - 1] == ' ');
  std::string_view after = sentence.substr(m.end);
  bool set_off = after.starts_with(",") || after.starts_with(":");  // "Năm 2023, …", "BBK - Trong 8 tháng …, …"
  return (clause == 0 && words <= 1) || (set_off && words <= 3);
}

}  // namespace

void ClaimResolver::Resolve(std::string_view text, const std::vector<SentenceSpan>& sentences,
                            const std::optional<std::string>& published, std::vector<Claim>* claims,
                            const std::vector<SentenceHits>* hits) const {
  if (claims->empty()) return;
  // Every period each sentence names (offsets relative to the sentence),
  // and every place the document names.
  std::vector<std::vector<PeriodMention>> found;
  std::vector<Mention> entities;
  ScanSentences(text, sentences, hits, &found, &entities);
  // The document's main entity: named most often, first named on a tie.
  std::map<std::string, int> counts;
  for (auto& m : entities) ++counts[m.value];
  std::optional<std::string> main_entity;
  int best = 0;
  for (auto& m : entities) {
    if (counts[m.value] > best) { best = counts[m.value]; main_entity = m.value; }
  }

  std::vector<uint32_t> first_figure(sentences.size(), UINT32_MAX);
  for (const Claim& c : *claims) first_figure[c.sentence] = std::min(first_figure[c.sentence], c.begin);
  std::optional<Period> lead, first_term;
  std::map<std::string, std::pair<int, Period>> named;  // absolute periods by dates: how often named
  auto first_in = [&](size_t i) {
    return first_figure[i] == UINT32_MAX ? std::string_view::npos : first_figure[i] - sentences[i].begin;
  };
  for (size_t i = 0; i < sentences.size(); ++i) {
    std::string_view s = text.substr(sentences[i].begin, sentences[i].end - sentences[i].begin);
    for (const PeriodMention& m : found[i]) {
      if (m.relative()) continue;
      const Period& p = m.period;
      auto& entry = named[p.from + p.to];
      if (entry.first++ == 0) entry.second = p;
      if (m.kind == "term" && !m.horizon && !first_term) first_term = p;
      // The lead's period: the first the title or lead names, narrowed by a
      // later one inside it that opens a sentence (title "năm 2023", lead
      // "Trong 8 tháng của năm 2023, …"; title "nhiệm kỳ 2015 – 2020", lead
      // "Năm 2016, …"), not by one a figure's clause names.
      if (i >= 3 || m.horizon) continue;
      if (!lead) lead = p;
      else if (p.from >= lead->from && p.to <= lead->to && OpensSentence(s, m, first_in(i))) lead = p;
    }
  }
  if (!lead) {  // last resort: the period the document names most often
    int most = 0;
    for (const auto& [key, entry] : named) {
      if (entry.first > most) { most = entry.first; lead = entry.second; }
    }
  }
  // What relative periods are measured against: the publication date, else the lead.
  PeriodAnchor anchor;
  if (published && published->size() >= 4) anchor.year = YearOf(*published);
  else if (lead) anchor.year = YearOf(lead->to);
  if (lead && YearOf(lead->from) != YearOf(lead->to)) anchor.own_term = lead;
  else anchor.own_term = first_term;
  if (lead && YearOf(lead->from) == YearOf(lead->to) && YearOf(lead->to) == anchor.year) anchor.report = lead;
  for (auto& sentence_periods : found) {
    std::erase_if(sentence_periods, [&](PeriodMention& m) { return !PeriodFinder::Anchor(anchor, &m); });
  }

  // Context periods, for figures whose sentence names none: the last period
  // that opened a sentence earlier in the same paragraph.
  std::vector<std::optional<Period>> context(sentences.size());
  std::optional<Period> in_paragraph;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0 && text.substr(sentences[i - 1].end, sentences[i].begin - sentences[i - 1].end).find('\n') !=
                     std::string_view::npos) {
      in_paragraph.reset();
    }
    context[i] = in_paragraph;
    std::string_view s = text.substr(sentences[i].begin, sentences[i].end - sentences[i].begin);
    for (const PeriodMention& m : found[i]) {
      // "đến năm 2030" is a horizon and "từ năm 2011 đến nay" a span of
      // history: the figures after them are not about those periods.
      if (m.horizon || m.kind == "since_year") continue;
      if (OpensSentence(s, m, first_in(i))) in_paragraph = m.period;
    }
  }

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
    // The nearest period before the figure in its sentence, else one right
    // after it in the same clause ("… đạt 1,5% vào cuối năm 2023", not
    // "… 13/16 phiếu đăng ký tham gia Chương trình OCOP năm 2023").
    constexpr size_t kAfterReach = 40;
    std::optional<Period> period;
    for (const PeriodMention& m : found[c.sentence]) {
      size_t b = sp.begin + m.begin;
      if (b < c.begin) {
        period = m.period;
        continue;
      }
      std::string_view gap = text.substr(c.end, b > c.end ? b - c.end : 0);
      if (!period && gap.size() <= kAfterReach && gap.find(';') == std::string_view::npos) period = m.period;
      break;
    }
    if (!period) period = context[c.sentence] ? context[c.sentence] : lead;
    c.period = period;
    // Indicator: from the words that lead to the figure, else its metric,
    // else the start of its clause ("Thu ngân sách đạt …, năm 2019 thu đạt
    // 135,33 tỷ"; not for counts: an earlier clause's verb is not theirs),
    // else the rest of its clause ("07 xã, phường đạt Bộ tiêu chí Quốc gia về y tế xã").
    c.indicator = IndicatorFor(c.context, c.dimension);
    if (!c.indicator) c.indicator = IndicatorFor(c.metric, c.dimension);
    if (!c.indicator && c.dimension != "count") {
      std::string_view head = text.substr(sp.begin, c.begin - sp.begin);
      if (size_t semi = head.rfind(';'); semi != std::string_view::npos) head.remove_prefix(semi + 1);
      c.indicator = IndicatorFor(head, c.dimension);
    }
    if (!c.indicator && (c.dimension == "count" || c.dimension == "percent")) {
      size_t next = &c == &claims->back() ? sp.end : std::min<size_t>(sp.end, (&c)[1].begin);
      std::string_view tail = text.substr(c.end, next > c.end ? next - c.end : 0);
      tail = tail.substr(0, tail.find(';'));
      c.indicator = IndicatorFor(tail, c.dimension);
    }
    // Stated as actual for a period ending over half a year after
    // publication: a target (unless a cue said actual: "đã đề ra 07 mục tiêu").
    if (c.modality == "actual" && !c.modality_stated && published && c.period && c.period->to > *published) {
      int py = YearOf(*published), pm = std::stoi(published->substr(5, 2));
      int ty = YearOf(c.period->to), tm = std::stoi(c.period->to.substr(5, 2));
      if ((ty - py) * 12 + (tm - pm) > 6) c.modality = "target";
    }
  }
  LinkParts(text, sentences, claims);
}

// "… đạt 2.400 tỷ đồng, trong đó kinh tế tư nhân đạt 1.704 tỷ đồng, kinh tế
// tập thể 96 tỷ đồng": the figures after a part marker are parts of the
// nearest figure of the same kind before it (in its sentence, or the
// sentence before when "Trong đó, …" opens one), until the list changes kind
// or the sentence ends.
void ClaimResolver::LinkParts(std::string_view text, const std::vector<SentenceSpan>& sentences,
                              std::vector<Claim>* claims) const {
  auto same_kind = [](const Claim& total, const Claim& part) {
    if (total.dimension != part.dimension) return false;
    if (total.dimension == "count") return total.unit == part.unit;  // 02 xã …, trong đó 01 xã
    return total.base_unit == part.base_unit;
  };
  int total = -1;
  for (size_t i = 0; i < claims->size(); ++i) {
    Claim& c = (*claims)[i];
    bool first_in_sentence = i == 0 || (*claims)[i - 1].sentence != c.sentence;
    size_t from = first_in_sentence ? sentences[c.sentence].begin : (*claims)[i - 1].end;
    if (lex_->part_markers.FindIn(Lower(text.substr(from, c.begin - from)))) {
      total = -1;
      for (size_t j = i; j-- > 0;) {
        const Claim& t = (*claims)[j];
        if (t.sentence != c.sentence && !(first_in_sentence && t.sentence == c.sentence - 1)) break;
        if (t.part_of < 0 && same_kind(t, c)) { total = static_cast<int>(j); break; }
      }
    } else if (total >= 0 && (first_in_sentence || !same_kind((*claims)[total], c))) {
      total = -1;
    }
    if (total >= 0) c.part_of = total;
  }
}

}  // namespace solieu
