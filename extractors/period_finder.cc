#include "extractors/period_finder.h"

#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "extractors/text_scan.h"

namespace solieu {
namespace {

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

Period Months(std::string label, int y, int m) { return {std::move(label), IsoDate(y, 1, 1), IsoDate(y, m, LastDay(y, m))}; }
Period Quarter(std::string label, int y, int q) {
  return {std::move(label), IsoDate(y, 3 * q - 2, 1), IsoDate(y, 3 * q, LastDay(y, 3 * q))};
}
Period Years(std::string label, int from, int to) { return {std::move(label), IsoDate(from, 1, 1), IsoDate(to, 12, 31)}; }

}  // namespace

// Written digit by digit: a period's two dates are made for every figure
// that names one, and snprintf took some 1,600 instructions each.
std::string IsoDate(int y, int m, int d) {
  if (y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99) {  // past the fixed widths
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
  }
  char buf[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                  static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                  static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '-',
                  static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
  return std::string(buf, 10);
}

int YearOf(const std::string& iso) {
  int year = 0;
  const char* end = iso.data() + std::min<size_t>(iso.size(), 4);
  auto r = std::from_chars(iso.data(), end, year);
  if (r.ec != std::errc() || r.ptr != end) return std::stoi(iso.substr(0, 4));  // not four digits: as stoi reads it
  return year;
}

PeriodFinder::PeriodFinder(std::shared_ptr<const Lexicon> lexicon) : lex_(std::move(lexicon)) {
  any_ = std::make_unique<RE2::Set>(RE2::Options(), RE2::UNANCHORED);
  AddRules(any_.get());
  if (!any_->Compile()) throw std::logic_error("period patterns do not compile as a set");
}

void PeriodFinder::AddRules(RE2::Set* set) const {
  for (const PatternRule& rule : lex_->periods) {
    if (set->Add(rule.pattern->pattern(), nullptr) < 0) throw std::logic_error("period pattern rejected by RE2::Set");
  }
}

PeriodFinder::~PeriodFinder() = default;

std::optional<PeriodMention> PeriodFinder::Read(const PatternRule& rule, std::string_view expr) const {
  std::string a, b;
  re2::StringPiece input(expr.data(), expr.size());
  int groups = rule.pattern->NumberOfCapturingGroups();
  bool hit = groups == 0   ? RE2::PartialMatch(input, *rule.pattern)
             : groups == 1 ? RE2::PartialMatch(input, *rule.pattern, &a)
                           : RE2::PartialMatch(input, *rule.pattern, &a, &b);
  if (!hit) return std::nullopt;
  PeriodMention m;
  m.kind = rule.kind;
  std::string label(expr);
  const std::string& k = rule.kind;
  if (k == "year") {
    m.period = Years(label, std::stoi(a), std::stoi(a));
  } else if (k == "months_of_year") {
    int months = std::stoi(a);
    if (months < 1 || months > 12) return std::nullopt;
    m.period = Months(label, std::stoi(b), months);
  } else if (k == "quarter") {
    int q = Roman(a);
    if (q == 0) return std::nullopt;
    m.period = Quarter(label, std::stoi(b), q);
  } else if (k == "term") {
    m.period = Years(label, std::stoi(a), std::stoi(b));
  } else if (k == "school_year") {
    m.period = {label, IsoDate(std::stoi(a), 9, 1), IsoDate(std::stoi(b), 8, 31)};
  } else if (k == "since_year") {
    m.year = std::stoi(a);
    m.period.label = label;
  } else if (k == "months_this_year") {
    m.number = std::stoi(a);
    if (m.number < 1 || m.number > 12) return std::nullopt;
    m.period.label = label;
  } else if (k == "quarter_this_year") {
    m.number = Roman(a);
    if (m.number == 0) return std::nullopt;
    m.period.label = label;
  } else if (k == "this_year" || k == "as_of_now" || k == "current_term" || k == "previous_term") {
    m.period.label = label;
  } else {
    return std::nullopt;
  }
  return m;
}

std::optional<Period> PeriodFinder::Parse(std::string_view expr) const {
  for (const PatternRule& rule : lex_->periods) {
    if (auto m = Read(rule, expr); m && !m->relative()) return m->period;
  }
  return std::nullopt;
}

bool PeriodFinder::Anchor(const PeriodAnchor& anchor, PeriodMention* m) {
  if (!m->relative()) return true;
  const std::string& k = m->kind;
  std::string label = m->period.label;
  if (k == "current_term" || k == "previous_term") {
    if (!anchor.own_term) return false;
    int start = std::stoi(anchor.own_term->from.substr(0, 4));
    int end = std::stoi(anchor.own_term->to.substr(0, 4));
    // "nhiệm kỳ qua" is the five-year term before the document's own: 2020-2025 → 2015-2020.
    m->period = k == "current_term" ? Years(label, start, end) : Years(label, start - 5, start);
    return true;
  }
  if (anchor.year == 0) return false;
  if (k == "since_year") m->period = Years(label, m->year, std::max(m->year, anchor.year));
  else if (k == "months_this_year") m->period = Months(label, anchor.year, m->number);
  else if (k == "quarter_this_year") m->period = Quarter(label, anchor.year, m->number);
  else if (k == "as_of_now" && anchor.report) m->period = {label, anchor.report->from, anchor.report->to};
  else m->period = Years(label, anchor.year, anchor.year);  // this_year, as_of_now
  return true;
}

std::vector<PeriodMention> PeriodFinder::Find(std::string_view s) const {
  std::vector<int> hits;
  if (!any_->Match(re2::StringPiece(s.data(), s.size()), &hits)) return {};
  std::sort(hits.begin(), hits.end());  // the rules' own order decides overlaps
  return FindRules(s, hits);
}

std::vector<PeriodMention> PeriodFinder::FindRules(std::string_view s, const std::vector<int>& rules) const {
  std::vector<PeriodMention> out;
  for (int h : rules) {
    const PatternRule& rule = lex_->periods[h];
    re2::StringPiece input(s.data(), s.size()), hit;
    size_t pos = 0;
    while (pos < s.size() && rule.pattern->Match(input, pos, s.size(), RE2::UNANCHORED, &hit, 1)) {
      size_t b = hit.data() - s.data(), e = b + hit.size();
      pos = e > b ? e : b + 1;
      bool overlaps = false;
      for (const auto& m : out) overlaps |= b < m.end && e > m.begin;
      if (overlaps) continue;
      // "so với năm 2015" names a baseline, not the figure's period.
      std::string_view before = s.substr(0, b);
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      std::string lower_before = Lower(before.substr(before.size() - std::min<size_t>(before.size(), 24)));
      if (lex_->baseline_connectors.MatchEndingAt(lower_before, lower_before.size())) continue;
      auto m = Read(rule, s.substr(b, e - b));
      if (!m) continue;
      m->begin = b;
      m->end = e;
      m->horizon = lex_->horizons.MatchEndingAt(lower_before, lower_before.size()) != nullptr;
      m->review = lex_->reviews.MatchEndingAt(lower_before, lower_before.size()) != nullptr;
      out.push_back(std::move(*m));
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.begin < y.begin; });
  return out;
}

}  // namespace solieu
