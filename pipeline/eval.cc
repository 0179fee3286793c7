#include "pipeline/eval.h"

#include <dirent.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "corpus/reader.h"
#include "normalizers/folding.h"
#include "pipeline/analyzer.h"

namespace solieu {
namespace {

using Json = nlohmann::json;
using Span = std::pair<uint32_t, uint32_t>;

const char* kAttributes[] = {"value", "unit", "dimension", "qualifier", "modality", "metric",
                             "indicator", "entity", "period", "part_of", "comparison", "non_figure"};

std::optional<Span> Locate(const std::string& text, const std::string& needle, int nth) {
  size_t at = std::string::npos;
  for (int i = 0; i < nth; ++i) {
    at = text.find(needle, at == std::string::npos ? 0 : at + 1);
    if (at == std::string::npos) return std::nullopt;
  }
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

std::string Str(const Json& j) {
  if (j.is_null()) return "null";
  if (j.is_string()) return j.get<std::string>();
  return j.dump();
}

std::string OptStr(const std::optional<std::string>& s) { return s ? *s : "null"; }

std::vector<std::string> GoldFiles(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 6 && n.substr(n.size() - 6) == ".jsonl") out.push_back(dir + "/" + n);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

double EvalReport::precision() const {
  int64_t found = true_positives + false_positives;
  return found ? static_cast<double>(true_positives) / found : 1.0;
}
double EvalReport::recall() const {
  int64_t gold = true_positives + false_negatives;
  return gold ? static_cast<double>(true_positives) / gold : 1.0;
}
double EvalReport::f1() const {
  double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

std::map<std::string, double> EvalReport::Scores() const {
  std::map<std::string, double> s = {{"figures_precision", precision()}, {"figures_recall", recall()},
                                     {"figures_f1", f1()}};
  for (const auto& [name, score] : attributes) s[name] = score.value();
  return s;
}

StatusOr<EvalReport> Evaluate(const std::string& gold_dir, const std::string& docs_dir) {
  auto rules = AnalyzerRules::Load();
  if (!rules.ok()) return rules.status();
  auto analyzer = Analyzer::Create(*rules);
  if (!analyzer.ok()) return analyzer.status();
  EvalReport r;
  for (const char* a : kAttributes) r.attributes[a];
  auto files = GoldFiles(gold_dir);
  if (files.empty()) return Status::NotFound(gold_dir + ": no gold files (*.jsonl)");
  for (const std::string& file : files) {
    std::ifstream in(file);
    std::vector<Json> gold;
    std::string line;
    for (int lineno = 1; std::getline(in, line); ++lineno) {
      if (line.empty()) continue;
      Json j = Json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("doc") || !j.contains("text") || !j.contains("role")) {
        return Status::Corrupt(file + ":" + std::to_string(lineno) + ": not a gold annotation line");
      }
      gold.push_back(std::move(j));
    }
    if (gold.empty()) continue;
    std::string doc_name = gold[0]["doc"].get<std::string>();
    DocumentReader reader({docs_dir + "/" + doc_name});
    Document doc;
    Skip skip;
    if (reader.Next(&doc, &skip) != DocumentReader::Item::kDocument) {
      return Status::NotFound(file + ": cannot read its document " + docs_dir + "/" + doc_name + ": " + skip.message);
    }
    AnalyzedDocument a = (*analyzer)->Analyze(std::move(doc));
    const std::string& text = a.doc.text;
    std::map<Span, const Claim*> found;
    std::map<Span, std::pair<const Claim*, const Comparison*>> found_cmp;
    for (const Claim& c : a.claims) {
      found[{c.span_begin, c.span_end}] = &c;
      for (const Comparison& m : c.comparisons) found_cmp[{m.span_begin, m.span_end}] = {&c, &m};
    }
    std::map<Span, bool> gold_claims;
    auto miss = [&](const std::string& what, const std::string& g_text, const std::string& expected,
                    const std::string& got) {
      r.misses.push_back(doc_name + "\t" + g_text + "\t" + what + "\texpected " + expected + "\tgot " + got);
    };
    for (const Json& g : gold) {
      std::string role = g["role"], g_text = g["text"];
      auto span = Locate(text, g_text, g.value("nth", 1));
      if (!span) return Status::Corrupt(file + ": '" + g_text + "' is not in " + doc_name);
      if (role == "not_figure") {
        bool clean = true;
        for (const Claim& c : a.claims) {
          auto overlaps = [&](uint32_t b, uint32_t e) { return b < span->second && e > span->first; };
          if (overlaps(c.span_begin, c.span_end)) clean = false;
          for (const Comparison& m : c.comparisons) if (overlaps(m.span_begin, m.span_end)) clean = false;
        }
        auto& s = r.attributes["non_figure"];
        ++s.total;
        if (clean) ++s.correct; else miss("non_figure", g_text, "no claim", "a claim");
        continue;
      }
      if (role == "comparison") {
        auto& s = r.attributes["comparison"];
        ++s.total;
        auto parent = Locate(text, g["parent"]["text"], g["parent"].value("nth", 1));
        auto it = found_cmp.find(*span);
        bool ok = it != found_cmp.end() && parent && it->second.first->span_begin == parent->first &&
                  it->second.first->span_end == parent->second && it->second.second->kind == Str(g["kind"]) &&
                  OptStr(it->second.second->baseline_kind) == Str(g["baseline_kind"]);
        if (ok) ++s.correct;
        else miss("comparison", g_text, "on " + Str(g["parent"]["text"]) + " " + Str(g["kind"]) + "/" + Str(g["baseline_kind"]),
                  it == found_cmp.end() ? "not found"
                                        : "on " + it->second.first->text + " " + it->second.second->kind + "/" +
                                              OptStr(it->second.second->baseline_kind));
        continue;
      }
      gold_claims[*span] = true;
      auto it = found.find(*span);
      if (it == found.end()) {
        ++r.false_negatives;
        miss("figure", g_text, "found", "missed");
        continue;
      }
      ++r.true_positives;
      const Claim& c = *it->second;
      auto check = [&](const char* name, bool ok, const std::string& expected, const std::string& got) {
        auto& s = r.attributes[name];
        ++s.total;
        if (ok) ++s.correct; else miss(name, g_text, expected, got);
      };
      double gv = g["value"].get<double>();
      check("value", std::fabs(gv - c.value) <= 1e-9 * std::max(1.0, std::fabs(gv)), Str(g["value"]), std::to_string(c.value));
      check("unit", Str(g["unit"]) == c.unit, Str(g["unit"]), c.unit);
      check("dimension", Str(g["dimension"]) == c.dimension, Str(g["dimension"]), c.dimension);
      check("qualifier", Str(g["qualifier"]) == OptStr(c.qualifier), Str(g["qualifier"]), OptStr(c.qualifier));
      check("modality", Str(g["modality"]) == c.modality, Str(g["modality"]), c.modality);
      bool metric_ok = true;
      std::string folded = Fold(c.metric), wanted;
      for (const Json& k : g["metric_keywords"]) {
        wanted += (wanted.empty() ? "" : ", ") + k.get<std::string>();
        metric_ok &= folded.find(Fold(k.get<std::string>())) != std::string::npos;
      }
      check("metric", metric_ok, "containing " + wanted, c.metric);
      check("indicator", Str(g["indicator"]) == OptStr(c.indicator), Str(g["indicator"]), OptStr(c.indicator));
      check("entity", Str(g["entity"]) == OptStr(c.entity), Str(g["entity"]), OptStr(c.entity));
      std::string gp = g["period"].is_null() ? "null" : Str(g["period"]["from"]) + ".." + Str(g["period"]["to"]);
      std::string cp = c.period ? c.period->from + ".." + c.period->to : "null";
      check("period", gp == cp, gp, cp + (c.period ? " (" + c.period->label + ")" : ""));
      // part_of: {"text", "nth"} of the total, absent or null for a figure that is no part.
      std::optional<Span> gpart;
      if (g.contains("part_of") && !g["part_of"].is_null()) {
        gpart = Locate(text, g["part_of"]["text"], g["part_of"].value("nth", 1));
        if (!gpart) return Status::Corrupt(file + ": part_of of '" + g_text + "' is not in " + doc_name);
      }
      std::optional<Span> cpart;
      if (c.part_of >= 0) cpart = Span{a.claims[c.part_of].span_begin, a.claims[c.part_of].span_end};
      check("part_of", gpart == cpart, gpart ? Str(g["part_of"]["text"]) : "null",
            cpart ? a.claims[c.part_of].text : "null");
    }
    for (const auto& [span, c] : found) {
      if (!gold_claims.count(span)) {
        ++r.false_positives;
        miss("figure", c->text, "no claim", "a claim");
      }
    }
  }
  return r;
}

void PrintEvalReport(const EvalReport& r, bool tsv, bool misses, std::ostream& out) {
  auto scores = r.Scores();
  if (tsv) {
    // Rounded down, so that a recorded floor never exceeds the score it came from.
    for (const auto& [name, v] : scores) {
      out << name << "\t" << std::fixed << std::setprecision(4) << std::floor(v * 1e4 + 1e-9) / 1e4 << "\n";
    }
  } else {
    out << std::fixed << std::setprecision(3);
    out << "figures   precision " << r.precision() << "  recall " << r.recall() << "  F1 " << r.f1() << "  ("
        << r.true_positives << " found, " << r.false_positives << " extra, " << r.false_negatives << " missed)\n";
    for (const char* a : kAttributes) {
      const EvalScore& s = r.attributes.at(a);
      out << std::left << std::setw(10) << a << std::right << std::setw(6) << s.value() << "  (" << s.correct << "/"
          << s.total << ")\n";
    }
  }
  if (misses) {
    out << "\nmisses (document, text, what, expected, got):\n";
    for (const std::string& m : r.misses) out << "  " << m << "\n";
  }
}

Status CheckEvalFloor(const EvalReport& r, const std::string& scores_file) {
  std::ifstream in(scores_file);
  if (!in) return Status::NotFound(scores_file + ": cannot open");
  auto scores = r.Scores();
  std::string line, dropped;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name;
    double floor;
    if (!(fields >> name >> floor)) return Status::Corrupt(scores_file + ": bad line '" + line + "'");
    auto it = scores.find(name);
    if (it == scores.end()) return Status::Corrupt(scores_file + ": unknown score '" + name + "'");
    if (it->second + 1e-9 < floor) {
      dropped += " " + name + " " + std::to_string(it->second) + " < " + std::to_string(floor) + ";";
    }
  }
  if (!dropped.empty()) return Status::InvalidInput("scores dropped below " + scores_file + ":" + dropped);
  return Status::Ok();
}

}  // namespace solieu
