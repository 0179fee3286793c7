#include "extractors/claim_extractor.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include "extractors/number_parser.h"
#include "extractors/text_scan.h"

namespace solieu {
namespace {

// A number as found, before it is known to be a claim or a comparison.
struct Candidate {
  Claim claim;
  bool is_comparison = false;
  Comparison comparison;     // when is_comparison, or carried by a percent claim
  bool carries_comparison = false;
  size_t verb_begin = 0;     // start of the comparison verb, if any
  size_t unit_begin = 0;     // where the unit or counted noun starts
};

// Sentence-level punctuation that ends a clause for attachment and metrics
// (kClause); a comma ends a segment (kSegment). A table, because the scans
// back over a sentence run for every figure.
enum : uint8_t { kClause = 1, kSegment = 2 };
constexpr std::array<char, 4> kClauseBreaks = {';', ':', '(', ')'};
constexpr std::array<uint8_t, 256> kBreaks = [] {
  std::array<uint8_t, 256> t{};
  for (char c : kClauseBreaks) t[static_cast<unsigned char>(c)] = kClause | kSegment;
  t[static_cast<unsigned char>(',')] = kSegment;
  return t;
}();

// Where each clause of a sentence starts (after ; : ( or )), found in one
// pass: the scans ask for it at every figure, and reading back from each
// figure to its clause's start read a long sentence again and again. (A
// comma segment is short: SegmentStart reads back to it.)
class ClauseIndex {
 public:
  explicit ClauseIndex(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      // Eight bytes at a time while none of them ends a clause.
      if (i + 8 <= s.size()) {
        const uint64_t w = byte_scan::Load8(s.data() + i);
        static_assert(kClauseBreaks.size() == 4, "one test a clause break");
        const uint64_t breaks = byte_scan::Equal(w, kClauseBreaks[0]) | byte_scan::Equal(w, kClauseBreaks[1]) |
                                byte_scan::Equal(w, kClauseBreaks[2]) | byte_scan::Equal(w, kClauseBreaks[3]);
        if (!breaks) {
          i += 8;
          continue;
        }
        i += byte_scan::FirstFlaggedByte(breaks);  // exact for the first; the rest are read again
      }
      if (kBreaks[static_cast<unsigned char>(s[i])] & kClause) starts_.push_back(static_cast<uint32_t>(i + 1));
      ++i;
    }
  }
  // The start of the clause that holds `pos`: the last at or before it.
  size_t ClauseStart(size_t pos) const {
    auto after = std::upper_bound(starts_.begin(), starts_.end(), pos);
    return after == starts_.begin() ? 0 : *(after - 1);
  }

 private:
  std::vector<uint32_t> starts_;
};

size_t SegmentStart(std::string_view s, size_t pos) {
  while (pos > 0 && !(kBreaks[static_cast<unsigned char>(s[pos - 1])] & kSegment)) --pos;
  return pos;
}

// A semicolon series may name its subject once: "tỷ lệ cung cấp dịch vụ
// công trực tuyến mức độ 3 là 78%; mức độ 4 là 45%". A clause whose metric
// opens with two words that the previous clause's metric holds further in
// takes that metric's head: "tỷ lệ cung cấp dịch vụ công trực tuyến mức độ 4".
// "thương mại dịch vụ chiếm 56,7%; công nghiệp chiếm 37,5%" share nothing.
void ShareElidedSubjects(std::string_view s, std::vector<Claim>* claims) {
  for (size_t i = 1; i < claims->size(); ++i) {
    Claim& cur = (*claims)[i];
    const Claim& prev = (*claims)[i - 1];
    if (prev.metric.empty() || cur.metric.empty() || cur.dimension != prev.dimension) continue;
    if (s.substr(prev.end, cur.begin - prev.end).find(';') == std::string_view::npos) continue;
    size_t first_space = cur.metric.find(' ');
    if (first_space == std::string::npos) continue;
    size_t second_space = cur.metric.find(' ', first_space + 1);
    std::string opening = " " + cur.metric.substr(0, second_space) + (second_space == std::string::npos ? "" : " ");
    size_t at = (" " + prev.metric + " ").find(opening);
    if (at == std::string::npos || at == 0) continue;
    cur.metric = prev.metric.substr(0, at) + cur.metric;
  }
}

bool InRanges(const std::vector<std::pair<size_t, size_t>>& ranges, size_t pos) {
  for (auto& r : ranges) {
    if (pos >= r.first && pos < r.second) return true;
  }
  return false;
}

}  // namespace

struct ClaimExtractor::Impl {
  std::shared_ptr<const Lexicon> lex;
  RE2 number{R"((\d+(?:[.,]\d+)*)(?:/(\d+(?:[.,]\d+)*))?)"};
  // Every non-claim pattern in one pass: which can match a sentence at all.
  std::unique_ptr<RE2::Set> any_non_claim;
  // The bytes modality cues end with: most positions of a sentence are
  // passed on one lookup.
  std::array<bool, 256> cue_last_byte{};

  std::vector<std::pair<size_t, size_t>> NonClaimRanges(std::string_view s, const std::vector<int>* rules) const {
    std::vector<std::pair<size_t, size_t>> out;
    std::vector<int> found;
    if (!rules) {
      if (!any_non_claim->Match(re2::StringPiece(s.data(), s.size()), &found)) return out;
      std::sort(found.begin(), found.end());
      rules = &found;
    }
    for (int h : *rules) {
      const PatternRule& rule = lex->non_claims[h];
      re2::StringPiece m;
      size_t pos = 0;
      while (pos <= s.size() &&
             rule.pattern->Match(re2::StringPiece(s.data(), s.size()), pos, s.size(), RE2::UNANCHORED, &m, 1)) {
        size_t b = m.data() - s.data();
        size_t e = b + m.size();
        // A match must start at a word boundary ("năm 2015", not "tăng năm").
        if (!IsWordCharBefore(s, b) || !IsWordCharAt(s, b)) out.push_back({b, e});
        pos = e > b ? e : b + 1;
      }
    }
    return out;
  }

  // Reads scale words, unit, rate suffix after the number ending at `p`.
  // Returns false when what follows makes it no figure (a duration).
  bool ReadUnit(std::string_view s, std::string_view lower, size_t p, Candidate* c) const {
    Claim& cl = c->claim;
    double scale = 1;
    std::string scale_words;
    size_t end = p;
    while (true) {
      size_t q = SkipSpaces(s, end);
      if (q - end != 1) break;  // a scale word stands one space after the number
      const auto* m = lex->scale_words.MatchAt(lower, q);
      if (!m) break;
      scale *= m->value;
      scale_words += (scale_words.empty() ? "" : " ") + m->phrase;
      end = q + m->phrase.size();
    }
    size_t q = SkipSpaces(s, end);
    const PhraseTable<UnitInfo>::Entry* unit = nullptr;
    if (q - end <= 1) {
      unit = lex->units.MatchAt(s, q);
      if (!unit) unit = lex->units.MatchAt(lower, q);
      // "%" sticks to the number; other units need a space unless they start with a letter.
      if (unit && q == end && unit->value.dimension != "percent" && !IsWordCharAt(s, q)) unit = nullptr;
    }
    std::string unit_text = scale_words;
    if (unit) {
      if (unit->value.dimension == "time" && scale_words.empty()) return false;
      unit_text += (unit_text.empty() ? "" : " ") + unit->value.canonical;
      c->unit_begin = q;
      cl.dimension = unit->value.dimension;
      cl.base_unit = unit->value.si_unit;
      cl.base_value = cl.value * scale * unit->value.si_factor;
      end = q + unit->phrase.size();
      // Rates: "triệu đồng/người/năm", "tấn/năm", "%/năm".
      while (end < s.size() && s[end] == '/') {
        const auto* d = lex->rate_denominators.MatchAt(lower, end + 1);
        if (!d) break;
        unit_text += "/" + d->phrase;
        cl.base_unit += "/" + d->phrase;
        cl.dimension = "rate";
        end += 1 + d->phrase.size();
      }
    } else if (!scale_words.empty()) {
      cl.dimension = "count";
      cl.base_unit = "";
      cl.base_value = cl.value * scale;
    } else {
      cl.dimension = "";
    }
    cl.unit = unit_text;
    cl.end = static_cast<uint32_t>(end);
    return true;
  }

  // The counted noun after a bare number: up to two words that are neither
  // function words nor capitalised ("379 lao động", "17 thửa đất").
  std::string CountedNoun(std::string_view s, std::string_view lower, size_t p, size_t* end) const {
    size_t q = SkipSpaces(s, p);
    if (q == p || q >= s.size()) return "";
    std::string noun;
    for (int words = 0; words < 2; ++words) {
      if (!IsWordCharAt(s, q) || IsUpperAt(s, q) || (s[q] >= '0' && s[q] <= '9')) break;
      if (lex->stops.MatchAt(lower, q)) break;
      size_t w = q;
      while (w < s.size() && IsWordCharAt(s, w)) {
        w += (static_cast<unsigned char>(s[w]) < 0x80) ? 1 : (static_cast<unsigned char>(s[w]) < 0xE0 ? 2 : (static_cast<unsigned char>(s[w]) < 0xF0 ? 3 : 4));
      }
      noun += (noun.empty() ? "" : " ") + std::string(s.substr(q, w - q));
      *end = w;
      if (w >= s.size() || s[w] != ' ') break;
      q = w + 1;
    }
    return noun;
  }

  // Strips framing words from both ends of a metric phrase. Period
  // expressions and place names go first: they are the claim's period and
  // entity, not its metric ("... có hạt năm 2023", "... thành phố Cao Bằng").
  std::string CleanMetric(std::string_view lower_phrase) const {
    std::string text(lower_phrase);
    bool removed = false;
    // Periods and place names are not part of a metric: "thu ngân sách
    // thành phố bắc kạn năm 2023" → "thu ngân sách". One pass each.
    removed |= RE2::GlobalReplace(&text, *lex->any_period, "") > 0;
    removed |= lex->prefixed_places.RemoveAll(&text);
    if (removed) {
      std::string squeezed;
      for (char ch : text) if (ch != ' ' || (!squeezed.empty() && squeezed.back() != ' ')) squeezed += ch;
      text = std::move(squeezed);
    }
    constexpr std::string_view kPunct = " ,;:.-\"'";
    std::string_view m = TrimPunct(text, kPunct);
    bool changed = true;
    while (changed && !m.empty()) {
      changed = false;
      for (auto* table : {&lex->verbs, &lex->tails}) {
        if (const auto* e = table->MatchEndingAt(m, m.size())) {
          m = TrimPunct(m.substr(0, m.size() - e->phrase.size()), kPunct);
          changed = true;
        }
      }
      if (const auto* q = lex->qualifiers_before.MatchEndingAt(m, m.size())) {
        m = TrimPunct(m.substr(0, m.size() - q->phrase.size()), kPunct);
        changed = true;
      }
      if (const auto* md = lex->modality.MatchEndingAt(m, m.size())) {
        m = TrimPunct(m.substr(0, m.size() - md->phrase.size()), kPunct);
        changed = true;
      }
      if (const auto* l = lex->leads.MatchAt(m, 0)) {
        m = TrimPunct(m.substr(l->phrase.size()), kPunct);
        changed = true;
      }
    }
    return std::string(m);
  }

  // A heading run in capitals ("MỘT SỐ CHỈ TIÊU ĐẠT VÀ VƯỢT KẾ HOẠCH Tổng mức …")
  // is not part of the subject: start after its last word. Acronyms (HTX,
  // UBND) are single words, so a run needs three.
  size_t AfterHeading(std::string_view s, size_t from, size_t to) const {
    size_t pos = from, run = 0, after = from;
    while (pos < to) {
      pos = SkipSpaces(s, pos);
      size_t w = pos;
      bool all_upper = true, letters = false;
      while (w < to && s[w] != ' ') {
        // Past its first lower-case letter a word is no heading's: only its end is needed.
        if (all_upper && IsWordCharAt(s, w)) { letters = true; if (!IsUpperAt(s, w)) all_upper = false; }
        ++w;
        while (w < to && (static_cast<unsigned char>(s[w]) & 0xC0) == 0x80) ++w;
      }
      if (letters && all_upper) { if (++run >= 3) after = w; }
      else run = 0;
      pos = w;
    }
    return after;
  }

  std::string Metric(std::string_view s, std::string_view lower, const Candidate& c, size_t before) const {
    // The subject phrase: the comma segment before the figure, else the one before that.
    size_t seg = AfterHeading(s, SegmentStart(s, before), before);
    std::string subject = CleanMetric(lower.substr(seg, before - seg));
    if (subject.empty() && seg > 0 && s[seg - 1] == ',') {
      size_t prev = SegmentStart(s, seg - 1);
      subject = CleanMetric(lower.substr(prev, seg - 1 - prev));
    }
    const Claim& cl = c.claim;
    // "85% tổ chức cơ sở đảng": a share of the noun that follows it.
    bool share_of_noun = cl.dimension == "percent" && !c.is_comparison && cl.end < s.size() &&
                         s[cl.end] == ' ' && IsWordCharAt(s, cl.end + 1) && !IsUpperAt(s, cl.end + 1) &&
                         !lex->stops.MatchAt(lower, cl.end + 1) && !lex->verbs.MatchAt(lower, cl.end + 1) &&
                         !lex->baselines.MatchAt(lower, cl.end + 1) && lower.compare(cl.end + 1, 6, "so v") != 0;
    bool counted = cl.dimension == "count" || share_of_noun || (cl.dimension == "percent" && subject.empty());
    if (!counted) return subject;
    // Counts: the counted noun's phrase, up to punctuation or a function word.
    size_t p = cl.dimension == "count" && c.unit_begin ? c.unit_begin : SkipSpaces(s, cl.end);
    size_t q = p;
    int words = 0;
    while (q < s.size() && words < 8) {
      if (s[q] == ',' || s[q] == ';' || s[q] == '.' || s[q] == '(' || s[q] == ')' || s[q] == ':') break;
      if (q > p && lex->stops.MatchAt(lower, q) && !lex->noun_links.MatchAt(lower, q)) break;
      size_t w = q;
      while (w < s.size() && s[w] != ' ' && s[w] != ',' && s[w] != ';' && s[w] != '.' && s[w] != ')' && s[w] != ':') ++w;
      ++words;
      q = SkipSpaces(s, w);
      if (w < s.size() && s[w] != ' ') { q = w; break; }
    }
    std::string noun(TrimPunct(lower.substr(p, q - p)));
    return noun.empty() ? subject : noun;
  }

  // Every modality cue of a sentence, by where it ends (ascending): found
  // once per sentence, not once per figure.
  using Cue = std::pair<size_t, const PhraseTable<ModalityCue>::Entry*>;
  std::vector<Cue> ModalityCues(std::string_view lower) const {
    std::vector<Cue> cues;
    for (size_t pos = 1; pos <= lower.size(); ++pos) {
      if (!cue_last_byte[static_cast<unsigned char>(lower[pos - 1])]) continue;  // no cue ends so
      // A cue is whole characters: it cannot end inside one (normalized text is valid UTF-8).
      if (pos < lower.size() && (static_cast<unsigned char>(lower[pos]) & 0xC0) == 0x80) continue;
      if (IsWordCharAt(lower, pos) && IsWordCharBefore(lower, pos)) continue;
      if (const auto* m = lex->modality.MatchEndingAt(lower, pos)) cues.push_back({pos, m});
    }
    return cues;
  }

  // The nearest cue before the figure wins. A clause-scoped cue ("ước đạt")
  // speaks for its own clause; a sentence-scoped one ("Mục tiêu đến năm
  // 2025, …; …") for every clause after it in the sentence.
  std::optional<std::string> Modality(const ClauseIndex& clauses, const std::vector<Cue>& cues, size_t before) const {
    size_t clause = clauses.ClauseStart(before);
    for (auto it = cues.rbegin(); it != cues.rend(); ++it) {
      auto [pos, m] = *it;
      if (pos > before) continue;
      if (pos - m->phrase.size() >= clause || m->value.sentence_scope) return m->value.modality;
    }
    return std::nullopt;
  }
};

ClaimExtractor::ClaimExtractor(std::shared_ptr<const Lexicon> lexicon) : impl_(new Impl) {
  impl_->lex = std::move(lexicon);
  for (const auto& cue : impl_->lex->modality.entries()) {
    if (!cue.phrase.empty()) impl_->cue_last_byte[static_cast<unsigned char>(cue.phrase.back())] = true;
  }
  impl_->any_non_claim = std::make_unique<RE2::Set>(RE2::Options(), RE2::UNANCHORED);
  for (const PatternRule& rule : impl_->lex->non_claims) {
    if (impl_->any_non_claim->Add(rule.pattern->pattern(), nullptr) < 0) throw std::logic_error("non-claim pattern rejected by RE2::Set");
  }
  if (!impl_->any_non_claim->Compile()) throw std::logic_error("non-claim patterns do not compile as a set");
}

ClaimExtractor::~ClaimExtractor() = default;

std::vector<Claim> ClaimExtractor::Extract(std::string_view s, const std::vector<int>* non_claim_rules) const {
  // Every figure starts with a digit (the number pattern below), and most
  // sentences of a report have none: nothing else to do for them.
  if (FindDigit(s) == std::string_view::npos) return {};
  const Impl& im = *impl_;
  const Lexicon& lex = *im.lex;
  std::string lower_s = LowerSameLength(s);
  std::string_view lower = lower_s;
  const ClauseIndex clauses(s);  // lower has the same punctuation at the same places
  auto excluded = im.NonClaimRanges(s, non_claim_rules);

  std::vector<Candidate> cands;
  std::optional<std::vector<Impl::Cue>> cues;  // made when the first figure needs them
  re2::StringPiece groups[3];
  size_t pos = 0;
  size_t first_word_end = 0;
  while (first_word_end < s.size() && IsWordCharAt(s, first_word_end)) ++first_word_end;
  // The number pattern starts with a digit: RE2 runs anchored at each one,
  // not over all the words between them (the same matches, leftmost first).
  while ((pos = FindDigit(s, pos)) != std::string_view::npos &&
         im.number.Match(re2::StringPiece(s.data(), s.size()), pos, s.size(), RE2::ANCHOR_START, groups, 3)) {
    size_t b = groups[0].data() - s.data();
    size_t e = b + groups[0].size();
    pos = e;
    // Part of a word or code: "H5N1", "Covid-19", "m2".
    if (IsWordCharBefore(s, b)) continue;
    if (b >= 2 && s[b - 1] == '-' && IsWordCharBefore(s, b - 1)) continue;
    if (InRanges(excluded, b)) continue;

    Candidate c;
    Claim& cl = c.claim;
    cl.begin = static_cast<uint32_t>(b);
    cl.number = std::string(groups[0].data(), groups[0].size());
    auto num = ParseVietnameseNumber(std::string_view(groups[1].data(), groups[1].size()));
    if (!num) continue;
    cl.value = num->value;
    cl.flags = num->flags;
    if (groups[2].data()) {
      auto den = ParseVietnameseNumber(std::string_view(groups[2].data(), groups[2].size()));
      if (!den) continue;
      cl.denominator = den->value;
    }
    size_t p = e;
    // "575, tỷ đồng": a number broken by a stray comma before its scale word.
    if (p + 1 < s.size() && s[p] == ',' && s[p + 1] == ' ' &&
        (lex.scale_words.MatchAt(lower, p + 2))) {
      cl.number += ",";
      cl.flags.push_back("broken_number");
      ++p;
    }
    if (!im.ReadUnit(s, lower, p, &c)) continue;
    if (cl.dimension.empty()) {
      // A bare number: a name ("Đức Xuân 4"), a year, or a count of the noun that follows.
      size_t prev = PreviousWordStart(s, b);
      bool after_name = prev < b && IsUpperAt(s, prev) && prev > 0;
      bool year_like = cl.number.size() == 4 && cl.value >= 1900 && cl.value <= 2100 && !cl.denominator;
      if (after_name || year_like) continue;
      size_t noun_end = cl.end;
      std::string noun = im.CountedNoun(s, lower, cl.end, &noun_end);
      if (noun.empty()) {
        cl.dimension = "other";
        cl.base_value = cl.value;
      } else {
        cl.unit = noun;
        cl.dimension = "count";
        cl.base_unit = noun;
        cl.base_value = cl.value;
        c.unit_begin = SkipSpaces(s, cl.end);
        cl.end = static_cast<uint32_t>(noun_end);
      }
    }
    // Qualifiers: "khoảng 2.400", "hơn 13 tỷ", "từ 3 … trở lên".
    size_t before = b;
    while (before > 0 && s[before - 1] == ' ') --before;
    if (const auto* q = lex.qualifiers_before.MatchEndingAt(lower, before)) {
      cl.qualifier = q->value;
      before -= q->phrase.size();
      while (before > 0 && s[before - 1] == ' ') --before;
    }
    if (const auto* q = lex.qualifiers_after.MatchAt(lower, SkipSpaces(s, cl.end))) cl.qualifier = q->value;

    // "100,002%": three decimals are plain in a percentage.
    if (cl.dimension == "percent") std::erase(cl.flags, std::string("comma_ambiguous"));
    // Is a percentage a comparison?
    if (cl.unit == "%") {
      const auto* verb = lex.comparison_verbs.MatchEndingAt(lower, before);
      size_t q = SkipSpaces(s, cl.end);
      const auto* connector = lex.baseline_connectors.MatchAt(lower, q);  // "so với"
      bool so_voi = connector != nullptr;
      if (so_voi) q = SkipSpaces(s, q + connector->phrase.size());
      const auto* base = lex.baselines.MatchAt(lower, q);
      Comparison& cmp = c.comparison;
      cmp.begin = cl.begin;
      cmp.end = cl.end;
      cmp.percent = cl.value;
      cmp.flags = cl.flags;
      if (base || so_voi) {
        size_t be = q;
        int words = 0;
        while (be < s.size() && words < 8) {
          char ch = s[be];
          if (ch == ',' || ch == ';' || ch == '.' || ch == '(' || ch == ')' || ch == ':') break;
          if (ch == ' ') {
            ++words;
            if (lex.baseline_ends.MatchAt(lower, be + 1)) break;
          }
          ++be;
        }
        std::string phrase(TrimPunct(s.substr(q, be - q), " ,;:.-\"'"));
        if (!phrase.empty()) {
          cmp.baseline = phrase;
          cmp.baseline_kind = base ? base->value : "other";
        }
      }
      bool is_cmp = false;
      if (verb) {
        c.verb_begin = before - verb->phrase.size();
        cmp.kind = verb->value.kind;
        if (!verb->value.direction.empty()) cmp.direction = verb->value.direction;
        size_t seg = SegmentStart(s, c.verb_begin);
        std::string subject = im.CleanMetric(lower.substr(seg, c.verb_begin - seg));
        const std::string& when = verb->value.when;
        is_cmp = when == "always" || (when == "with_baseline" && (so_voi || base)) ||
                 (when == "without_subject" && subject.empty());
      }
      if (is_cmp) {
        c.is_comparison = true;
      } else if (cmp.baseline) {
        if (cmp.kind.empty()) cmp.kind = "share_of_baseline";
        c.carries_comparison = true;
      }
    }
    if (!cues) cues = im.ModalityCues(lower);
    std::optional<std::string> modality = im.Modality(clauses, *cues, before);
    cl.modality = modality.value_or("actual");
    cl.modality_stated = modality.has_value();
    cl.metric = im.Metric(s, lower, c, c.verb_begin && c.claim.unit == "%" ? std::min(before, c.verb_begin) : before);
    if (cands.empty()) cands.reserve(8);  // a sentence seldom holds more figures; each regrowth moves them all
    cands.push_back(std::move(c));
  }

  // Context for indicators: the words since the previous figure in the
  // clause; a bare list continuation of the same dimension (", 333 đảng
  // viên", not ", 55% tổ chức cơ sở đảng" after "kết nạp 90 đảng viên") inherits it.
  size_t prev_end = 0;
  const std::string* prev_context = nullptr;
  const std::string* prev_dimension = nullptr;
  for (Candidate& c : cands) {
    size_t from = std::max(prev_end, clauses.ClauseStart(c.claim.begin));
    std::string_view between = TrimPunct(lower.substr(from, c.claim.begin - from), " ,;:.-\"'()");
    bool bare = between.empty() || (lex.list_joins.MatchAt(between, 0) &&
                                    lex.list_joins.MatchAt(between, 0)->phrase.size() == between.size());
    if (bare && prev_context && from == prev_end && *prev_dimension == c.claim.dimension) {
      c.claim.context = *prev_context;
    } else {
      c.claim.context = std::string(between);
    }
    prev_end = c.claim.end;
    prev_context = &c.claim.context;
    prev_dimension = &c.claim.dimension;
  }

  // Attach each comparison to the nearest claim before it in its clause.
  std::vector<Claim> out;
  std::vector<int> index_of(cands.size(), -1);
  for (size_t i = 0; i < cands.size(); ++i) {
    Candidate& c = cands[i];
    if (c.is_comparison) {
      int target = -1;
      size_t clause = clauses.ClauseStart(c.claim.begin);
      for (size_t j = i; j-- > 0;) {
        if (cands[j].claim.begin < clause) break;
        if (index_of[j] >= 0) { target = index_of[j]; break; }
      }
      if (target >= 0) {
        out[target].comparisons.push_back(c.comparison);
        continue;
      }
      c.carries_comparison = true;  // no claim to attach to: a percent claim carrying it
    }
    if (c.carries_comparison) {
      if (c.comparison.kind.empty()) c.comparison.kind = "share_of_baseline";
      c.claim.comparisons.push_back(c.comparison);
    }
    index_of[i] = static_cast<int>(out.size());
    out.push_back(std::move(c.claim));
  }
  ShareElidedSubjects(s, &out);
  return out;
}

}  // namespace solieu
