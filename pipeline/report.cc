#include "pipeline/report.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include "corpus/rules.h"
#include "pipeline/check.h"
#include "pipeline/tolerance.h"
#include "schema/store.h"

namespace solieu {
namespace {

const char* kKinds[] = {"fraction_percent", "shares_sum", "parts_total", "cross_source_conflict",
                        "cross_source_confirmation", "implied_baseline", "stated_change", "broken_number"};
const char* kSeverities[] = {"error", "warning", "info"};

std::string Anchor(const std::string& claim_id) { return "c-" + HtmlEscape(claim_id); }

// What a figure's tooltip says: value, unit, metric, period, modality.
std::string Describe(const Claim& c) {
  std::string d = FormatNumber(c.value, 4) + " " + c.unit;
  if (!c.metric.empty()) d += " · " + c.metric;
  if (c.period) d += " · " + c.period->label;
  d += " · " + c.modality;
  return d;
}

// A sentence with the figures of a finding marked, where their text is in it.
std::string MarkedSentence(const std::string& sentence, const std::vector<std::string>& figures) {
  std::vector<std::pair<size_t, size_t>> marks;
  for (const std::string& f : figures) {
    size_t at = f.empty() ? std::string::npos : sentence.find(f);
    bool overlaps = false;
    for (auto& [b, e] : marks) overlaps |= at < e && at + f.size() > b;
    if (at != std::string::npos && !overlaps) marks.push_back({at, at + f.size()});
  }
  std::sort(marks.begin(), marks.end());
  std::string out;
  size_t pos = 0;
  for (auto& [b, e] : marks) {
    out += HtmlEscape(std::string_view(sentence).substr(pos, b - pos)) + "<mark>" +
           HtmlEscape(std::string_view(sentence).substr(b, e - b)) + "</mark>";
    pos = e;
  }
  return out + HtmlEscape(std::string_view(sentence).substr(pos));
}

struct Point { const AnalyzedDocument* doc; const Claim* claim; };

// One chart: x the periods in order, y from zero, a mark per claim shaped by
// its modality; two reports of one period stand side by side.
std::string Chart(const std::vector<Point>& points, size_t* marks) {
  const Claim& first = *points.front().claim;
  double scale = first.value != 0 ? first.base_value / first.value : 1;
  std::vector<std::pair<std::string, std::string>> periods;  // (from+to, label)
  for (const Point& p : points) periods.push_back({p.claim->period->from + p.claim->period->to, p.claim->period->label});
  std::sort(periods.begin(), periods.end());
  periods.erase(std::unique(periods.begin(), periods.end(),
                            [](auto& a, auto& b) { return a.first == b.first; }), periods.end());
  double ymax = 0;
  for (const Point& p : points) ymax = std::max(ymax, p.claim->base_value / scale);
  ymax = ymax > 0 ? ymax * 1.1 : 1;
  const double W = 640, H = 240, L = 80, R = 20, T = 15, B = 45;
  auto xof = [&](size_t i) { return L + (i + 0.5) * (W - L - R) / periods.size(); };
  auto yof = [&](double v) { return T + (H - T - B) * (1 - v / ymax); };
  char buf[256];
  std::string svg;
  std::snprintf(buf, sizeof buf, "<svg viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"", W, H);
  svg += buf + HtmlEscape(first.metric + " — " + (first.entity ? *first.entity : "")) + "\">";
  std::snprintf(buf, sizeof buf, "<line class=\"axis\" x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>", L, H - B, W - R, H - B);
  svg += buf;
  std::snprintf(buf, sizeof buf, "<line class=\"axis\" x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.1f\"/>", L, T, L, H - B);
  svg += buf;
  for (double f : {0.0, 0.5, 1.0}) {
    double v = ymax * f;
    std::snprintf(buf, sizeof buf, "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\">", L - 6, yof(v) + 4);
    svg += buf + HtmlEscape(FormatNumber(v, 1)) + "</text>";
  }
  for (size_t i = 0; i < periods.size(); ++i) {
    std::string label = periods[i].second;
    std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">", xof(i), H - B + 16);
    svg += buf + HtmlEscape(label) + "</text>";
  }
  std::map<std::string, int> in_period;
  for (const Point& p : points) ++in_period[p.claim->period->from + p.claim->period->to];
  std::map<std::string, int> placed;
  for (const Point& p : points) {
    const Claim& c = *p.claim;
    std::string key = c.period->from + c.period->to;
    size_t i = std::find_if(periods.begin(), periods.end(), [&](auto& q) { return q.first == key; }) - periods.begin();
    double x = xof(i) + (placed[key]++ - (in_period[key] - 1) / 2.0) * 12, y = yof(c.base_value / scale);
    std::string title = "<title>" + HtmlEscape(c.text + " · " + c.period->label + " · " + c.modality + " · " +
                                               p.doc->doc.source) + "</title>";
    std::string shape;
    if (c.modality == "target") {
      std::snprintf(buf, sizeof buf, "<path class=\"mark target\" d=\"M%.1f,%.1f L%.1f,%.1f L%.1f,%.1f Z\">", x, y - 6, x + 6, y + 5, x - 6, y + 5);
      shape = buf + title + "</path>";
    } else if (c.modality == "plan") {
      std::snprintf(buf, sizeof buf, "<rect class=\"mark plan\" x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\">", x - 5, y - 5);
      shape = buf + title + "</rect>";
    } else {
      std::snprintf(buf, sizeof buf, "<circle class=\"mark %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\">",
                    c.modality == "estimate" ? "estimate" : "actual", x, y);
      shape = buf + title + "</circle>";
    }
    svg += "<a href=\"#" + Anchor(p.doc->ClaimId(c)) + "\">" + shape + "</a>";  // the <title> names the link
    ++*marks;
  }
  return svg + "</svg>";
}

void WriteDocument(const AnalyzedDocument& a, std::ostream& out) {
  const std::string& text = a.doc.text;
  out << "<section class=\"doc\" id=\"d-" << HtmlEscape(a.doc.doc_id) << "\"><h3>"
      << HtmlEscape(a.doc.title.empty() ? a.doc.source : a.doc.title) << "</h3><p class=\"muted\">" << HtmlEscape(a.doc.source)
      << (a.doc.published ? " · " + HtmlEscape(*a.doc.published) : "") << " · " << a.claims.size()
      << " figures</p><div class=\"article\">";
  std::vector<const Claim*> claims;
  for (const Claim& c : a.claims) claims.push_back(&c);
  std::sort(claims.begin(), claims.end(), [](auto* x, auto* y) { return x->span_begin < y->span_begin; });
  size_t pos = 0;
  for (const Claim* c : claims) {
    if (c->span_begin < pos || c->span_end > text.size()) continue;
    out << HtmlEscape(std::string_view(text).substr(pos, c->span_begin - pos)) << "<mark class=\"fig " << c->modality
        << "\" id=\"" << Anchor(a.ClaimId(*c)) << "\" tabindex=\"0\" data-tip=\"" << HtmlEscape(Describe(*c)) << "\">"
        << HtmlEscape(std::string_view(text).substr(c->span_begin, c->span_end - c->span_begin)) << "</mark>";
    pos = c->span_end;
  }
  out << HtmlEscape(std::string_view(text).substr(pos)) << "</div></section>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

StatusOr<ReportStats> WriteReport(const std::vector<AnalyzedDocument>& docs, const std::vector<Finding>& findings,
                                  const std::string& title, std::ostream& out) {
  auto css = ReadRuleFile("pipeline/data/report.css");
  if (!css.ok()) return css.status();
  ReportStats stats;
  stats.documents = docs.size();
  for (const auto& d : docs) stats.claims += d.claims.size();
  stats.findings = findings.size();
  out << "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      << "<title>" << HtmlEscape(title) << "</title><style>" << *css << "</style></head><body>\n"
      << "<header><h1>" << HtmlEscape(title) << "</h1><p class=\"muted\">" << stats.documents << " documents · "
      << stats.claims << " figures · " << stats.findings << " findings</p><nav aria-label=\"Sections\"><ul>"
      << "<li><a href=\"#summary\">Summary</a></li><li><a href=\"#findings\">Findings</a></li>"
      << "<li><a href=\"#series\">Series</a></li><li><a href=\"#documents\">Documents</a></li></ul></nav></header>\n<main>";

  // Summary: findings by kind and severity.
  std::map<std::string, std::map<std::string, int>> counts;
  for (const Finding& f : findings) ++counts[f.kind][f.severity];
  out << "<section id=\"summary\"><h2>Summary</h2><p>" << stats.documents << " documents, " << stats.claims
      << " figures, " << stats.findings << " findings.</p><table><thead><tr><th scope=\"col\">Check</th>";
  for (const char* s : kSeverities) out << "<th scope=\"col\">" << s << "</th>";
  out << "</tr></thead><tbody>";
  for (const char* k : kKinds) {
    out << "<tr><th scope=\"row\">" << k << "</th>";
    for (const char* s : kSeverities) out << "<td class=\"n\">" << counts[k][s] << "</td>";
    out << "</tr>";
  }
  out << "</tbody></table></section>\n";

  // Findings, errors first, each with the sentences of its claims.
  out << "<section id=\"findings\"><h2>Findings</h2>";
  if (findings.empty()) out << "<p>No findings.</p>";
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    out << "<article class=\"finding " << HtmlEscape(f.severity) << "\" id=\"f-" << i << "\"><h3><span class=\"sev\">"
        << HtmlEscape(f.severity) << "</span> " << HtmlEscape(f.kind) << "</h3><p>" << HtmlEscape(f.explanation)
        << "</p><p lang=\"vi\" class=\"muted\">" << HtmlEscape(f.explanation_vi) << "</p>";
    if (!f.arithmetic.empty()) {
      out << "<p class=\"arith\">" << HtmlEscape(f.arithmetic);
      if (f.tolerance && f.arithmetic.find("±") == std::string::npos) out << " (tolerance ± " << HtmlEscape(FormatNumber(*f.tolerance, 3)) << ")";
      out << "</p>";
    }
    // Each sentence once, with every figure of the finding in it marked and linked.
    out << "<ul class=\"evidence\">";
    std::vector<std::string> shown;
    for (const FindingClaim& c : f.claims) {
      std::string where = c.source + "\n" + c.sentence;
      if (std::find(shown.begin(), shown.end(), where) != shown.end()) continue;
      shown.push_back(where);
      std::vector<std::string> figures;
      out << "<li>";
      for (const FindingClaim& d : f.claims) {
        if (d.source != c.source || d.sentence != c.sentence) continue;
        figures.push_back(d.text);
        out << "<a href=\"#" << Anchor(d.claim_id) << "\">" << HtmlEscape(d.role) << ": " << HtmlEscape(d.text) << "</a> ";
      }
      out << "<span class=\"muted\">" << HtmlEscape(c.source) << "</span><br>" << MarkedSentence(c.sentence, figures)
          << "</li>";
    }
    out << "</ul></article>\n";
  }
  out << "</section>\n";

  // Series: indicator × entity (× unit) with figures in more than one period.
  std::map<std::string, std::vector<Point>> series;
  for (const auto& d : docs) {
    for (const Claim& c : d.claims) {
      if (!c.indicator || !c.entity || !c.period || c.period->from.empty() || IsShareOfBaseline(c)) continue;
      series[*c.indicator + "|" + *c.entity + "|" + c.base_unit].push_back({&d, &c});
    }
  }
  out << "<section id=\"series\"><h2>Series</h2><div class=\"legend\" aria-hidden=\"true\">"
      << "<span>● actual</span><span>○ estimate</span><span>▲ target</span><span>■ plan</span>"
      << "<span>two marks in one period: reports that differ</span></div>";
  for (auto& [key, points] : series) {
    std::set<std::string> periods;
    for (const Point& p : points) periods.insert(p.claim->period->from + p.claim->period->to);
    if (periods.size() < 2) continue;
    std::stable_sort(points.begin(), points.end(), [](const Point& a, const Point& b) {
      return a.claim->period->from + a.claim->period->to < b.claim->period->from + b.claim->period->to;
    });
    const Claim& first = *points.front().claim;
    size_t marks = 0;
    std::string svg = Chart(points, &marks);
    ++stats.charts;
    stats.marks += marks;
    out << "<figure class=\"chart\" data-marks=\"" << marks << "\"><figcaption><strong>" << HtmlEscape(*first.indicator)
        << "</strong> — " << HtmlEscape(*first.entity) << " <span class=\"muted\">(" << HtmlEscape(first.unit) << "; "
        << HtmlEscape(first.metric) << ")</span></figcaption>" << svg << "</figure>\n";
  }
  if (stats.charts == 0) out << "<p>No indicator has figures for more than one period yet.</p>";
  out << "</section>\n<section id=\"documents\"><h2>Documents</h2>";
  for (const auto& d : docs) WriteDocument(d, out);
  out << "</section></main></body></html>\n";
  if (!out) return Status::IoError("cannot write the report");
  return stats;
}

StatusOr<ReportStats> ReportDatabase(const std::string& db_path, const std::string& out_path) {
  auto store = Store::Open(db_path, Store::Mode::kReadOnly);
  if (!store.ok()) return store.status();
  std::vector<AnalyzedDocument> docs;
  SOLIEU_RETURN_IF_ERROR((*store)->ForEachDocument([&](const AnalyzedDocument& d) {
    docs.push_back(d);
    return Status::Ok();
  }));
  auto checker = Checker::Create();
  if (!checker.ok()) return checker.status();
  std::vector<Finding> findings = (*checker)->Check(docs);
  // Written beside the target and renamed into place: a reader never sees half a page.
  std::string tmp = out_path + ".tmp";
  std::ofstream out(tmp, std::ios::binary);
  if (!out) return Status::IoError(out_path + ": cannot write");
  auto stats = WriteReport(docs, findings, "solieu report — " + db_path, out);
  out.close();
  if (!stats.ok() || !out) {
    std::remove(tmp.c_str());
    return stats.ok() ? Status::IoError(out_path + ": cannot write") : stats.status();
  }
  if (std::rename(tmp.c_str(), out_path.c_str()) != 0) return Status::IoError(out_path + ": cannot write");
  return stats;
}

}  // namespace solieu
