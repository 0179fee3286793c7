// The full JSON parser's reading of a line, to hold the one-pass readers
// (corpus/jsonl_fields.h, pipeline/document_line.h) to: shared by their unit
// tests and the json_lines fuzz target.
#ifndef SOLIEU_TESTS_FUZZ_JSON_LINES_ORACLE_H_
#define SOLIEU_TESTS_FUZZ_JSON_LINES_ORACLE_H_

#include <nlohmann/json.hpp>
#include <string>

#include "corpus/jsonl_fields.h"
#include "pipeline/document_line.h"

namespace solieu::testing {

// True when the full parser reads `line` as an object whose fields are `f`.
inline bool SameAsFullParser(const std::string& line, const JsonlFields& f) {
  auto j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return false;
  auto same = [&](const char* key, const std::optional<std::string>& got) {
    auto it = j.find(key);
    if (it == j.end()) return !got.has_value();
    return it->is_string() && got && *got == it->get<std::string>();
  };
  return same("id", f.id) && same("url", f.url) && same("title", f.title) && same("published", f.published) &&
         same("text", f.text) && same("html", f.html);
}

// The parts of a DocumentLine the two readers fill, compared field by field
// without trusting offsets.
inline bool SameDocument(const DocumentLine& a, const DocumentLine& b) {
  const auto &x = a.doc, &y = b.doc;
  if (x.doc.doc_id != y.doc.doc_id || x.doc.source != y.doc.source || x.doc.text != y.doc.text ||
      x.doc.url != y.doc.url || x.doc.title != y.doc.title || x.doc.published != y.doc.published ||
      x.doc.encoding != y.doc.encoding || x.doc.encoding_confidence != y.doc.encoding_confidence ||
      x.normalized != y.normalized || a.content_hash != b.content_hash || a.claim_ids != b.claim_ids ||
      a.part_of != b.part_of || x.sentences.size() != y.sentences.size() || x.claims.size() != y.claims.size()) {
    return false;
  }
  for (size_t i = 0; i < x.sentences.size(); ++i) {
    const auto &s = x.sentences[i], &t = y.sentences[i];
    if (s.norm_begin != t.norm_begin || s.norm_end != t.norm_end || s.begin != t.begin || s.end != t.end) return false;
  }
  for (size_t i = 0; i < x.claims.size(); ++i) {
    const auto &c = x.claims[i], &d = y.claims[i];
    if (c.sentence != d.sentence || c.span_begin != d.span_begin || c.span_end != d.span_end || c.text != d.text ||
        c.number != d.number || c.value != d.value || c.unit != d.unit || c.dimension != d.dimension ||
        c.base_value != d.base_value || c.base_unit != d.base_unit || c.denominator != d.denominator ||
        c.qualifier != d.qualifier || c.modality != d.modality || c.metric != d.metric || c.indicator != d.indicator ||
        c.entity != d.entity || c.flags != d.flags || c.comparisons.size() != d.comparisons.size() ||
        c.period.has_value() != d.period.has_value()) {
      return false;
    }
    if (c.period && (c.period->label != d.period->label || c.period->from != d.period->from || c.period->to != d.period->to)) {
      return false;
    }
    for (size_t k = 0; k < c.comparisons.size(); ++k) {
      const auto &m = c.comparisons[k], &n = d.comparisons[k];
      if (m.span_begin != n.span_begin || m.span_end != n.span_end || m.text != n.text || m.percent != n.percent ||
          m.kind != n.kind || m.direction != n.direction || m.baseline != n.baseline ||
          m.baseline_kind != n.baseline_kind || m.flags != n.flags) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace solieu::testing

#endif  // SOLIEU_TESTS_FUZZ_JSON_LINES_ORACLE_H_
