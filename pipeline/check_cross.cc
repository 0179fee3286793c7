// The checks that compare claims across documents: cross_source_*,
// implied_baseline, stated_change (see check.h).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "extractors/period_finder.h"
#include "pipeline/check.h"

namespace solieu {
namespace {

using Fact = Checker::Fact;

bool FullYear(const Period& p) { return p.from.substr(4) == "-01-01" && p.to.substr(4) == "-12-31" && YearOf(p.from) == YearOf(p.to); }
std::string WithYear(const std::string& iso, int year) {
  std::string out = std::to_string(year) + iso.substr(4);
  if (out.substr(5) == "02-29") out.replace(8, 2, "28");
  return out;
}
// Base units per written unit: 1e9 for "tỷ đồng" in VND.
double Scale(const Claim& c) { return c.value != 0 ? c.base_value / c.value : 1; }
std::string Where(const Fact& f) { return f.doc->doc.source; }
std::string What(const Fact& f) {
  return f.claim->metric + (f.claim->indicator ? " [" + *f.claim->indicator + "]" : "");
}
std::string Key(const Fact& f, const std::string& from, const std::string& to) {
  return f.group + from + ".." + to + "|" + f.claim->base_unit;
}
bool Comparable(const Fact& f) { return !f.group.empty(); }

}  // namespace

// The same indicator (or metric), entity, period and modality in different
// documents: one finding per group, a confirmation when every value agrees
// within its precision, else a conflict listing each distinct value.
void Checker::CrossSource(const std::vector<Fact>& facts, std::vector<Finding>* out) const {
  std::map<std::string, std::vector<const Fact*>> groups;
  for (const Fact& f : facts) {
    if (!Comparable(f) || IsShareOfBaseline(*f.claim)) continue;
    groups[Key(f, f.claim->period->from, f.claim->period->to) + "|" + f.claim->modality].push_back(&f);
  }
  for (auto& [key, members] : groups) {
    std::set<std::string> docs;
    for (const Fact* f : members) docs.insert(f->doc->doc.doc_id);
    if (docs.size() < 2) continue;
    // Clusters of values that agree, each with one claim per document.
    auto base = [&](const Fact* f) { return ValueOf(*f->claim) * Scale(*f->claim); };
    std::vector<const Fact*> sorted = members;
    std::stable_sort(sorted.begin(), sorted.end(), [&](auto* a, auto* b) { return base(a).mid() < base(b).mid(); });
    std::vector<std::vector<const Fact*>> clusters;
    for (const Fact* f : sorted) {
      if (clusters.empty() || !base(clusters.back().front()).Overlaps(base(f))) clusters.push_back({});
      auto& cl = clusters.back();
      if (std::none_of(cl.begin(), cl.end(), [&](auto* g) { return g->doc == f->doc; })) cl.push_back(f);
    }
    const Fact& first = *members.front();
    Finding fd;
    std::map<std::string, std::string> values = {{"count", std::to_string(docs.size())}, {"what", What(first)},
                                                 {"entity", *first.claim->entity}, {"period", first.claim->period->label}};
    if (clusters.size() == 1) {
      if (clusters[0].size() < 2) continue;
      fd.kind = "cross_source_confirmation";
      fd.severity = "info";
      for (const Fact* f : clusters[0]) {
        if (fd.claims.size() < 8) fd.claims.push_back(Ref(*f->doc, *f->claim, "value"));
      }
      fd.expected = fd.observed = clusters[0][0]->claim->value;
      fd.tolerance = ValueOf(*clusters[0][0]->claim).half();
      fd.arithmetic = "";
      for (size_t i = 0; i < clusters[0].size() && i < 8; ++i) {
        const Fact* f = clusters[0][i];
        fd.arithmetic += (fd.arithmetic.empty() ? "" : " = ") + f->claim->text + " (" + Where(*f) + ")";
      }
      values["value"] = clusters[0][0]->claim->text;
      Explain(&fd, "cross_source_confirmation", values);
    } else {
      fd.kind = "cross_source_conflict";
      fd.severity = "warning";
      std::string listed;
      // One claim per distinct value, at most kMaxListed: a finding stays readable
      // however many documents repeat a figure.
      constexpr size_t kMaxListed = 8;
      for (const auto& cl : clusters) {
        if (fd.claims.size() == kMaxListed) break;
        const Fact* f = cl.front();
        fd.claims.push_back(Ref(*f->doc, *f->claim, "value"));
        listed += (listed.empty() ? "" : ", ") + f->claim->text + " (" + Where(*f) + ")";
      }
      if (clusters.size() > kMaxListed) listed += " and " + std::to_string(clusters.size() - kMaxListed) + " more";
      const Claim& a = *clusters[0][0]->claim;
      const Claim& b = *clusters[1][0]->claim;
      fd.expected = a.value;
      fd.observed = b.base_value / Scale(a);
      fd.tolerance = ValueOf(a).half() + ValueOf(b).half() * Scale(b) / Scale(a);
      fd.arithmetic = listed + ": they differ by " + FormatNumber(std::fabs(*fd.observed - a.value)) + " " + a.unit +
                      ", more than ± " + FormatNumber(*fd.tolerance, 3);
      values["values"] = listed;
      Explain(&fd, "cross_source_conflict", values);
    }
    out->push_back(std::move(fd));
  }
}

// "8 tháng: 2.400 tỷ đồng, bằng 65,9% kế hoạch" implies a year plan of
// 2.400 / 0,659 ≈ 3.642 tỷ. Implied plans of one indicator, entity and year
// are compared with each other, with plans stated outright, and with the
// year's actual value.
void Checker::ImpliedBaselines(const std::vector<Fact>& facts, std::vector<Finding>* out) const {
  struct Implied { const Fact* fact; int comparison; Interval base; std::string baseline_kind; Period period; };
  std::map<std::string, std::vector<Implied>> implied;
  std::map<std::string, std::vector<const Fact*>> by_period;  // every claim by series, entity, period, unit
  for (const Fact& f : facts) {
    if (!Comparable(f)) continue;
    const Claim& c = *f.claim;
    by_period[Key(f, c.period->from, c.period->to)].push_back(&f);
    if (c.dimension == "percent" || c.value <= 0) continue;
    for (size_t k = 0; k < c.comparisons.size(); ++k) {
      const Comparison& cmp = c.comparisons[k];
      if (cmp.kind != "share_of_baseline" || cmp.percent <= 0 || !cmp.baseline_kind) continue;
      const std::string& bk = *cmp.baseline_kind;
      if (bk != "plan" && bk != "budget_estimate" && bk != "target") continue;
      // A plan for part of a year is the year's plan; a term's target is the term's.
      Period p = *c.period;
      if (YearOf(p.from) == YearOf(p.to) && !FullYear(p)) {
        p = {"năm " + std::to_string(YearOf(p.from)), p.from.substr(0, 4) + "-01-01", p.from.substr(0, 4) + "-12-31"};
      }
      Interval base = ValueOf(c) * Scale(c) / (PercentOf(cmp) * 0.01);
      implied[Key(f, p.from, p.to) + "|" + bk].push_back({&f, static_cast<int>(k), base, bk, p});
    }
  }
  auto written = [](const Implied& im) { return FormatNumber(im.base.mid() / Scale(*im.fact->claim), 1) + " " + im.fact->claim->unit; };
  auto first_words = [](const Implied& im) {
    return im.fact->claim->text + ", " + im.fact->claim->comparisons[im.comparison].text + " (" + Where(*im.fact) + ")";
  };
  for (const auto& [key, list] : implied) {
    const std::string bk = list[0].baseline_kind;
    auto [baseline_en, baseline_vi] = explanations_.Render("baseline." + bk, {});
    std::map<std::string, std::string> names = {{"baseline", baseline_en}, {"baseline_vi", baseline_vi},
                                                {"period", list[0].period.label}};
    auto emit = [&](Finding f, const std::string& key_name, std::map<std::string, std::string> v) {
      for (auto& [n, x] : names) v.emplace(n, x);
      f.kind = "implied_baseline";
      Explain(&f, key_name, v);
      out->push_back(std::move(f));
    };
    // Implied by two claims, and different: one finding per baseline, naming
    // a claim for each distinct implied value (sorted, neighbours that agree merged).
    std::vector<const Implied*> sorted;
    for (const Implied& im : list) sorted.push_back(&im);
    std::stable_sort(sorted.begin(), sorted.end(), [](auto* x, auto* y) { return x->base.mid() < y->base.mid(); });
    std::vector<const Implied*> distinct;
    for (const Implied* im : sorted) {
      if (distinct.empty() || !distinct.back()->base.Overlaps(im->base)) distinct.push_back(im);
    }
    if (distinct.size() >= 2) {
      const Implied& x = *distinct.front();
      const Implied& y = *distinct.back();
      Finding f;
      f.severity = "warning";
      double scale = Scale(*x.fact->claim);
      f.expected = x.base.mid() / scale; f.observed = y.base.mid() / scale;
      f.tolerance = (x.base.half() + y.base.half()) / scale;
      for (size_t i = 0; i < distinct.size() && i < 4; ++i) {
        const Implied& im = *distinct[i];
        f.arithmetic += (i ? "; " : "") + first_words(im) + " → " + written(im);
        f.claims.push_back(Ref(*im.fact->doc, *im.fact->claim, "value"));
        f.claims.push_back(Ref(*im.fact->doc, *im.fact->claim, "percent", im.comparison));
      }
      emit(std::move(f), "implied_baseline.disagree",
           {{"first", first_words(x)}, {"second", first_words(y)}, {"x", written(x)}, {"y", written(y)}});
    }
    const Period& p = list[0].period;
    std::string period_key = key.substr(0, key.rfind('|'));
    auto it = by_period.find(period_key);
    if (it == by_period.end()) continue;
    for (const Fact* other : it->second) {
      const Claim& o = *other->claim;
      bool is_plan = (o.modality == "plan" && bk != "target") || (o.modality == "target" && bk == "target");
      bool is_actual = o.modality == "actual" || o.modality == "estimate";
      if (!is_plan && !is_actual) continue;
      // Against the first baseline implied by another claim (for an actual, by
      // one of part of the period): one finding per stated plan or actual.
      auto found = std::find_if(list.begin(), list.end(), [&](const Implied& im) {
        return im.fact->claim != &o && (is_plan || im.fact->claim->period->from != p.from ||
                                        im.fact->claim->period->to != p.to);
      });
      if (found == list.end()) continue;
      const Implied& im = *found;
      const Claim& c = *im.fact->claim;
      double scale = Scale(c);
      {
        Interval stated = ValueOf(o) * Scale(o);
        Finding f;
        f.expected = im.base.mid() / scale;
        f.observed = stated.mid() / scale;
        f.tolerance = (im.base.half() + stated.half()) / scale;
        f.claims = {Ref(*im.fact->doc, c, "value"), Ref(*im.fact->doc, c, "percent", im.comparison),
                    Ref(*other->doc, o, is_plan ? "plan" : "actual")};
        std::string implied_words = c.text + " / " + c.comparisons[im.comparison].text + " = " + written(im);
        if (is_plan) {
          bool agree = im.base.Overlaps(stated);
          f.severity = agree ? "info" : "warning";
          f.arithmetic = implied_words + (agree ? " ≈ " : " ≠ ") + o.text + " ± " + FormatNumber(*f.tolerance, 3);
          emit(std::move(f), agree ? "implied_baseline.stated_agree" : "implied_baseline.stated_disagree",
               {{"first", first_words(im)}, {"x", written(im)}, {"y", o.text + " (" + Where(*other) + ")"}});
        } else {
          double percent = 100 * stated.mid() / im.base.mid();
          f.severity = "info";
          f.arithmetic = implied_words + "; " + o.text + " / " + written(im) + " = " + FormatNumber(percent, 1) + "%";
          emit(std::move(f), "implied_baseline.actual",
               {{"first", first_words(im)}, {"x", written(im)}, {"actual", o.text + " (" + Where(*other) + ")"},
                {"percent", FormatNumber(percent, 1)}});
        }
      }
    }
  }
}

// "… đạt 28.750 tỷ đồng, tăng 13,4% so với năm 2022" against the 2022 value
// wherever it is reported: does 25.350 × 1,134 give 28.750? Reports often
// write "tăng X%" for "bằng X%", so both readings are tried.
void Checker::StatedChanges(const std::vector<Fact>& facts, std::vector<Placed>* out) const {
  std::map<std::string, std::vector<const Fact*>> actuals;
  for (const Fact& f : facts) {
    const Claim& c = *f.claim;
    if (!Comparable(f) || (c.modality != "actual" && c.modality != "estimate") || IsShareOfBaseline(c)) continue;
    actuals[Key(f, c.period->from, c.period->to)].push_back(&f);
  }
  for (const Fact& f : facts) {
    const Claim& c = *f.claim;
    if (!Comparable(f) || c.dimension == "percent" || c.value <= 0) continue;
    for (size_t k = 0; k < c.comparisons.size(); ++k) {
      const Comparison& cmp = c.comparisons[k];
      if (!cmp.baseline_kind || cmp.percent <= 0) continue;
      const std::string& bk = *cmp.baseline_kind;
      const Period& p = *c.period;
      std::string from, to;
      if (bk == "same_period" || (bk == "previous_period" && FullYear(p))) {
        from = WithYear(p.from, YearOf(p.from) - 1); to = WithYear(p.to, YearOf(p.to) - 1);
      } else if (bk == "year" && cmp.baseline && YearOf(p.from) == YearOf(p.to)) {
        int year = 0;  // "năm 2022"
        const std::string& b = *cmp.baseline;
        auto digit = [](unsigned char ch) { return std::isdigit(ch) != 0; };
        for (size_t i = 0; i + 4 <= b.size() && !year; ++i) {
          if (std::all_of(b.begin() + i, b.begin() + i + 4, digit)) year = std::stoi(b.substr(i, 4));
        }
        if (!year) continue;
        from = std::to_string(year) + "-01-01"; to = std::to_string(year) + "-12-31";
      } else {
        continue;
      }
      bool change = cmp.kind == "change";
      if (change && !cmp.direction) continue;
      auto it = actuals.find(Key(f, from, to));
      if (it == actuals.end()) continue;
      // The baseline value from the same document if it gives one, else the
      // first two distinct values reported elsewhere: bounded work per claim.
      std::vector<const Fact*> bases;
      for (const Fact* b : it->second) if (b->doc == f.doc) bases.push_back(b);
      std::set<double> seen;
      for (const Fact* b : it->second) {
        if (!bases.empty() && bases.front()->doc == f.doc) break;
        if (seen.insert(b->claim->base_value).second) bases.push_back(b);
        if (bases.size() == 2) break;
      }
      seen.clear();
      for (const Fact* b : bases) {
        const Claim& base = *b->claim;
        if (!seen.insert(base.base_value).second) continue;
        double scale = Scale(c);
        Interval a = ValueOf(c) * scale, before = ValueOf(base) * Scale(base), pct = PercentOf(cmp) * 0.01;
        Interval factor = !change ? pct
                          : *cmp.direction == "up" ? Interval{1 + pct.lo, 1 + pct.hi}
                                                   : Interval{1 - pct.hi, 1 - pct.lo};
        Interval as_stated = before * factor, as_share = before * pct;
        bool fits = as_stated.Overlaps(a), fits_share = change && as_share.Overlaps(a);
        double actual_change = 100 * (a.mid() / before.mid() - 1);
        std::string verb = !change ? "bằng" : *cmp.direction == "up" ? "tăng" : "giảm";
        std::string stated = verb + " " + cmp.text + (cmp.baseline ? " so với " + *cmp.baseline : "");
        std::string from_w = base.text + " (" + Where(*b) + ")", to_w = c.text;
        std::string change_w = (actual_change >= 0 ? "+" : "") + FormatNumber(actual_change, 1) + "%";
        std::string ratio_w = FormatNumber(100 * a.mid() / before.mid(), 1) + "%";
        Finding fd;
        fd.kind = "stated_change";
        fd.severity = fits ? "info" : "warning";
        fd.expected = as_stated.mid() / scale; fd.observed = c.value; fd.tolerance = (as_stated.half() + a.half()) / scale;
        fd.arithmetic = FormatNumber(before.mid() / scale) + " × " + FormatNumber(factor.mid(), 4) + " = " +
                        FormatNumber(as_stated.mid() / scale) + (fits ? " ≈ " : " ≠ ") + FormatNumber(c.value) + " " +
                        c.unit + " ± " + FormatNumber(*fd.tolerance, 3) +
                        (fits_share && !fits ? "; as a share: " + FormatNumber(before.mid() / scale) + " × " +
                                                   FormatNumber(pct.mid(), 4) + " = " + FormatNumber(as_share.mid() / scale) : "");
        fd.claims = {Ref(*f.doc, c, "value"), Ref(*f.doc, c, "change", static_cast<int>(k)), Ref(*b->doc, base, "baseline")};
        std::string key = !change ? (fits ? "stated_change.share_fits" : "stated_change.share_wrong")
                          : fits ? "stated_change.change" : fits_share ? "stated_change.share" : "stated_change.neither";
        Explain(&fd, key, {{"stated", stated}, {"from", from_w}, {"to", to_w}, {"change", change_w},
                           {"ratio", ratio_w}, {"percent", FormatNumber(cmp.percent)}});
        out->push_back(StatedAt(std::move(fd), f));
      }
    }
  }
}

}  // namespace solieu
