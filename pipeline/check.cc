#include "pipeline/check.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "extractors/text_scan.h"
#include "normalizers/folding.h"

namespace solieu {
namespace {

bool Has(const std::vector<std::string>& flags, const char* flag) {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

}  // namespace

StatusOr<std::unique_ptr<Checker>> Checker::Create() {
  auto checker = std::unique_ptr<Checker>(new Checker);
  auto lex = Lexicon::Load();
  if (!lex.ok()) return lex.status();
  checker->lex_ = *lex;
  auto tolerances = Tolerances::Load();
  if (!tolerances.ok()) return tolerances.status();
  checker->tolerances_ = std::move(*tolerances);
  auto explanations = Explanations::Load();
  if (!explanations.ok()) return explanations.status();
  checker->explanations_ = std::move(*explanations);
  return checker;
}

Interval Checker::ValueOf(const Claim& c) const {
  return tolerances_.Reported(c.value, c.number, Has(c.flags, "dot_decimal"), c.qualifier);
}

Interval Checker::PercentOf(const Comparison& k) const {
  std::string_view number = k.text;
  return tolerances_.Reported(k.percent, number, Has(k.flags, "dot_decimal"), std::nullopt);
}

FindingClaim Checker::Ref(const AnalyzedDocument& doc, const Claim& c, const std::string& role, int comparison) const {
  FindingClaim r;
  r.claim_id = doc.ClaimId(c);
  r.doc_id = doc.doc.doc_id;
  r.source = doc.doc.source;
  r.role = role;
  r.sentence = std::string(doc.SentenceText(c.sentence));
  if (comparison >= 0) {
    const Comparison& k = c.comparisons[comparison];
    r.span_begin = k.span_begin; r.span_end = k.span_end;
    r.text = k.text; r.value = k.percent; r.unit = "%";
    r.comparison = comparison;
  } else {
    r.span_begin = c.span_begin; r.span_end = c.span_end;
    r.text = c.text; r.value = c.value; r.unit = c.unit;
  }
  return r;
}

void Checker::Explain(Finding* f, const std::string& key, const std::map<std::string, std::string>& values) const {
  std::tie(f->explanation, f->explanation_vi) = explanations_.Render(key, values);
}

std::vector<Finding> Checker::Check(const std::vector<AnalyzedDocument>& docs, const CheckOptions& options) const {
  std::vector<Placed> placed;
  for (const AnalyzedDocument& doc : docs) {
    if (options.doc_id.empty() || doc.doc.doc_id == options.doc_id) CheckWithin(doc, &placed);
  }
  std::vector<Placed> across;
  std::vector<int64_t> order(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) order[i] = static_cast<int64_t>(i);
  CheckSeries(docs, order, &across);
  for (Placed& p : across) {
    if (Involves(p.finding, options.doc_id)) placed.push_back(std::move(p));
  }
  return Ordered(std::move(placed));
}

namespace {

// Kinds of check, in the order Check gives their findings.
enum Phase : int64_t { kWithin, kCrossSource, kImpliedBaseline, kStatedChange };

Checker::Placed At(Finding f, Phase phase, int64_t doc_order = 0, int64_t claim = 0) {
  return {{2 - SeverityRank(f.severity), phase, doc_order, claim}, std::move(f)};
}

void PlaceAll(std::vector<Finding>* found, Phase phase, std::vector<Checker::Placed>* out) {
  for (Finding& f : *found) out->push_back(At(std::move(f), phase));
  found->clear();
}

}  // namespace

std::vector<Finding> Checker::Ordered(std::vector<Placed> placed) {
  std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    return a.place < b.place;
  });
  std::vector<Finding> out;
  out.reserve(placed.size());
  for (Placed& p : placed) out.push_back(std::move(p.finding));
  return out;
}

std::string Checker::GroupKey(const Claim& c) {
  // The series: the indicator, or else a metric of two words or more, folded.
  std::string series = c.indicator ? *c.indicator
                       : std::count(c.metric.begin(), c.metric.end(), ' ') >= 1 ? "metric:" + Fold(c.metric)
                                                                                 : "";
  bool whole_period = c.period && !c.period->from.empty() && !c.period->to.empty();
  if (series.empty() || !c.entity || !whole_period) return "";
  return series + "|" + *c.entity + "|";
}

bool Checker::Involves(const Finding& f, const std::string& doc_id) {
  return doc_id.empty() ||
         std::any_of(f.claims.begin(), f.claims.end(), [&](const FindingClaim& c) { return c.doc_id == doc_id; });
}

void Checker::CheckWithin(const AnalyzedDocument& doc, std::vector<Placed>* out) const {
  std::vector<Finding> found;
  CheckDocument(doc, &found);
  PlaceAll(&found, kWithin, out);
}

void Checker::CheckSeries(const std::vector<AnalyzedDocument>& docs, const std::vector<int64_t>& order,
                          std::vector<Placed>* out) const {
  std::vector<Fact> facts;
  for (size_t d = 0; d < docs.size(); ++d) {
    for (const Claim& c : docs[d].claims) {
      facts.push_back({&docs[d], &c, order[d], GroupKey(c)});
    }
  }
  // Groups come in the order of their keys, which begin "series|entity|", so
  // across calls in that order these come as one call over every claim gives.
  std::vector<Finding> found;
  CrossSource(facts, &found);
  PlaceAll(&found, kCrossSource, out);
  ImpliedBaselines(facts, &found);
  PlaceAll(&found, kImpliedBaseline, out);
  StatedChanges(facts, out);
}

Checker::Placed Checker::StatedAt(Finding f, const Fact& stating) {
  // A document's claims are in order of position (analyzed_document.h).
  return At(std::move(f), kStatedChange, stating.doc_order,
            (int64_t{stating.claim->span_begin} << 32) | stating.claim->span_end);
}

void Checker::CheckDocument(const AnalyzedDocument& doc, std::vector<Finding>* out) const {
  FractionPercent(doc, out);
  SharesSum(doc, out);
  PartsTotal(doc, out);
  BrokenNumbers(doc, out);
}

// "quyết định truy tố 205/207 vụ án …, đạt 99%": 100 × 205 / 207 = 99,03, within 99 ± 0,5.
void Checker::FractionPercent(const AnalyzedDocument& doc, std::vector<Finding>* out) const {
  for (const Claim& c : doc.claims) {
    if (!c.denominator || *c.denominator <= 0) continue;
    for (size_t k = 0; k < c.comparisons.size(); ++k) {
      const Comparison& cmp = c.comparisons[k];
      if (cmp.kind != "share_of_baseline" || cmp.baseline) continue;
      double expected = 100 * c.value / *c.denominator;
      Interval stated = PercentOf(cmp);
      if (stated.Contains(expected)) continue;
      Finding f;
      f.kind = "fraction_percent";
      // Off by more than a percentage point beyond the rounding: not a rounding slip.
      f.severity = std::fabs(expected - cmp.percent) > stated.half() + 1 ? "error" : "warning";
      f.expected = expected; f.observed = cmp.percent; f.tolerance = stated.half();
      f.arithmetic = "100 × " + FormatNumber(c.value) + " / " + FormatNumber(*c.denominator) + " = " +
                     FormatNumber(expected) + "%, stated " + FormatNumber(cmp.percent) + "% ± " +
                     FormatNumber(stated.half(), 3);
      f.claims = {Ref(doc, c, "fraction"), Ref(doc, c, "percent", static_cast<int>(k))};
      Explain(&f, "fraction_percent", {{"fraction", c.number}, {"expected", FormatNumber(expected)},
                                       {"observed", FormatNumber(cmp.percent)}});
      out->push_back(std::move(f));
    }
  }
}

// "Cơ cấu kinh tế: thương mại - dịch vụ chiếm 48,5%; công nghiệp - xây dựng
// chiếm 47%; nông - lâm nghiệp chiếm 3,5%": shares of one whole. More than
// 100% is an error; a breakdown ("cơ cấu") that falls short is a warning.
void Checker::SharesSum(const AnalyzedDocument& doc, std::vector<Finding>* out) const {
  const std::string& text = doc.doc.text;
  std::vector<int> group;
  bool whole = false;
  auto flush = [&] {
    if (group.size() >= 2) {
      Interval sum{0, 0};
      std::string terms;
      for (int i : group) {
        sum = sum + ValueOf(doc.claims[i]);
        terms += (terms.empty() ? "" : " + ") + FormatNumber(doc.claims[i].value);
      }
      bool over = sum.lo > 100 + 1e-9;
      bool under = whole && sum.hi < 100 - 1e-9;
      if (over || under) {
        Finding f;
        f.kind = "shares_sum";
        f.severity = over ? "error" : "warning";
        f.expected = 100; f.observed = sum.mid(); f.tolerance = sum.half();
        f.arithmetic = terms + " = " + FormatNumber(sum.mid()) + "%, expected 100% ± " + FormatNumber(sum.half(), 3);
        for (int i : group) f.claims.push_back(Ref(doc, doc.claims[i], "share"));
        Explain(&f, over ? "shares_sum.over" : "shares_sum.under", {{"sum", FormatNumber(sum.mid())}});
        out->push_back(std::move(f));
      }
    }
    group.clear();
  };
  int sentence = -1;
  uint32_t prev_end = 0;
  for (size_t i = 0; i < doc.claims.size(); ++i) {
    const Claim& c = doc.claims[i];
    if (c.sentence != sentence) {
      flush();
      sentence = c.sentence;
      whole = false;
      prev_end = doc.sentences[c.sentence].begin;
    }
    std::string lead = Lower(std::string_view(text).substr(prev_end, c.span_begin > prev_end ? c.span_begin - prev_end : 0));
    prev_end = c.span_end;
    whole |= lex_->whole_cues.FindIn(lead) != nullptr;
    bool changes = std::any_of(c.comparisons.begin(), c.comparisons.end(), [](auto& k) { return k.kind == "change"; });
    bool share = c.dimension == "percent" && c.part_of < 0 && !changes &&
                 (lex_->share_cues.FindIn(lead) != nullptr || whole);
    if (share) group.push_back(static_cast<int>(i));
    else flush();
  }
  flush();
}

// "… 1.850 doanh nghiệp, trong đó 1.020 doanh nghiệp thương mại - dịch vụ,
// 905 doanh nghiệp công nghiệp - xây dựng": 1.925 parts of 1.850 is an error;
// parts that add up to their total are listed as info.
void Checker::PartsTotal(const AnalyzedDocument& doc, std::vector<Finding>* out) const {
  std::map<int, std::vector<int>> parts;
  for (size_t i = 0; i < doc.claims.size(); ++i) {
    if (doc.claims[i].part_of >= 0) parts[doc.claims[i].part_of].push_back(static_cast<int>(i));
  }
  for (const auto& [t, members] : parts) {
    const Claim& total = doc.claims[t];
    if (total.value <= 0) continue;
    // Parts in the total's written unit ("820 tỷ" of "2,1 nghìn tỷ").
    double per_unit = total.base_value / total.value;
    Interval sum{0, 0};
    std::string terms;
    for (int i : members) {
      const Claim& p = doc.claims[i];
      double k = per_unit > 0 && p.value != 0 ? (p.base_value / p.value) / per_unit : 1;
      sum = sum + ValueOf(p) * k;
      terms += (terms.empty() ? "" : " + ") + FormatNumber(p.value * k);
    }
    Interval whole = ValueOf(total);
    bool over = sum.lo > whole.hi;
    bool match = members.size() >= 2 && sum.Overlaps(whole);
    if (!over && !match) continue;
    Finding f;
    f.kind = "parts_total";
    f.severity = over ? "error" : "info";
    f.expected = total.value; f.observed = sum.mid(); f.tolerance = sum.half() + whole.half();
    f.arithmetic = terms + " = " + FormatNumber(sum.mid()) + (over ? " > " : " ≈ ") + FormatNumber(total.value) +
                   " " + total.unit + " ± " + FormatNumber(*f.tolerance, 3);
    f.claims.push_back(Ref(doc, total, "total"));
    for (int i : members) f.claims.push_back(Ref(doc, doc.claims[i], "part"));
    Explain(&f, over ? "parts_total.over" : "parts_total.match",
            {{"sum", FormatNumber(sum.mid()) + " " + total.unit}, {"total", total.text}});
    out->push_back(std::move(f));
  }
}

// "575, tỷ đồng" kept as 575 with a flag: worth a look before it is quoted.
void Checker::BrokenNumbers(const AnalyzedDocument& doc, std::vector<Finding>* out) const {
  for (const Claim& c : doc.claims) {
    bool broken = Has(c.flags, "broken_number");
    bool ambiguous = Has(c.flags, "comma_ambiguous") || Has(c.flags, "irregular_grouping");
    if (!broken && !ambiguous) continue;
    Finding f;
    f.kind = "broken_number";
    f.severity = "warning";
    f.observed = c.value;
    std::string flags;
    for (const auto& flag : c.flags) flags += (flags.empty() ? "" : ", ") + flag;
    f.arithmetic = "\"" + c.number + "\" read as " + FormatNumber(c.value, 4) + " (" + flags + ")";
    f.claims = {Ref(doc, c, "value")};
    Explain(&f, "broken_number", {{"number", c.number}, {"value", FormatNumber(c.value, 4)}});
    out->push_back(std::move(f));
  }
}

}  // namespace solieu
