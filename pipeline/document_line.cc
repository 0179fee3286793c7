#include "pipeline/document_line.h"

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>

#include "corpus/json_scanner.h"
#include "corpus/utf8.h"
#include "extractors/sentence_spans.h"

namespace solieu {
namespace {

constexpr int64_t kU32 = std::numeric_limits<uint32_t>::max();

bool Required(JsonScanner& scan, std::string* v) {
  if (!scan.Peek('"')) return false;
  v->clear();
  return scan.String(v);
}

// A string, or anything else, which leaves the field empty (the last of
// duplicate keys wins, as in a JSON parser).
bool Optional(JsonScanner& scan, std::optional<std::string>* v) {
  if (!scan.Peek('"')) {
    v->reset();
    return scan.Value(0);
  }
  std::string s;
  if (!scan.String(&s)) return false;
  *v = std::move(s);
  return true;
}

bool U32(JsonScanner& scan, uint32_t* v) {
  int64_t x;
  if (!scan.Integer(0, kU32, &x)) return false;
  *v = static_cast<uint32_t>(x);
  return true;
}

bool Span(JsonScanner& scan, uint32_t* begin, uint32_t* end) {
  int n = 0;
  bool ok = scan.Items([&] { return n < 2 && U32(scan, n++ == 0 ? begin : end); });
  return ok && n == 2;
}

bool Strings(JsonScanner& scan, std::vector<std::string>* v) {
  v->clear();
  return scan.Items([&] {
    v->emplace_back();
    return Required(scan, &v->back());
  });
}

bool ReadComparison(JsonScanner& scan, Comparison* m) {
  unsigned seen = 0;  // a bit for each required field
  bool ok = scan.Members([&](const std::string& k) {
    if (k == "span") return seen |= 1, Span(scan, &m->span_begin, &m->span_end);
    if (k == "text") return seen |= 2, Required(scan, &m->text);
    if (k == "percent") return seen |= 4, scan.Double(&m->percent);
    if (k == "kind") return seen |= 8, Required(scan, &m->kind);
    if (k == "flags") return seen |= 16, Strings(scan, &m->flags);
    if (k == "direction") return Optional(scan, &m->direction);
    if (k == "baseline") return Optional(scan, &m->baseline);
    if (k == "baseline_kind") return Optional(scan, &m->baseline_kind);
    return scan.Value(0);
  });
  return ok && seen == 31;
}

bool ReadPeriod(JsonScanner& scan, std::optional<Period>* p) {
  if (!scan.Peek('{')) {
    p->reset();
    return scan.Value(0);
  }
  Period period;
  unsigned seen = 0;
  bool ok = scan.Members([&](const std::string& k) {
    if (k == "label") return seen |= 1, Required(scan, &period.label);
    if (k == "from") return seen |= 2, Required(scan, &period.from);
    if (k == "to") return seen |= 4, Required(scan, &period.to);
    return scan.Value(0);
  });
  if (!ok || seen != 7) return false;
  *p = std::move(period);
  return true;
}

bool ReadClaim(JsonScanner& scan, DocumentLine* out) {
  Claim c;
  std::string id;
  std::optional<std::string> part_of;
  unsigned seen = 0;  // a bit for each of the 14 required fields below
  bool ok = scan.Members([&](const std::string& k) {
    if (k == "claim_id") return seen |= 1 << 0, Required(scan, &id);
    if (k == "sentence_idx") {
      int64_t x;
      if (!scan.Integer(0, std::numeric_limits<int>::max(), &x)) return false;
      c.sentence = static_cast<int>(x);
      return seen |= 1 << 1, true;
    }
    if (k == "span") return seen |= 1 << 2, Span(scan, &c.span_begin, &c.span_end);
    if (k == "text") return seen |= 1 << 3, Required(scan, &c.text);
    if (k == "number") return seen |= 1 << 4, Required(scan, &c.number);
    if (k == "value") return seen |= 1 << 5, scan.Double(&c.value);
    if (k == "unit") return seen |= 1 << 6, Required(scan, &c.unit);
    if (k == "dimension") return seen |= 1 << 7, Required(scan, &c.dimension);
    if (k == "si_value") return seen |= 1 << 8, scan.Double(&c.base_value);
    if (k == "si_unit") return seen |= 1 << 9, Required(scan, &c.base_unit);
    if (k == "modality") return seen |= 1 << 10, Required(scan, &c.modality);
    if (k == "metric") return seen |= 1 << 11, Required(scan, &c.metric);
    if (k == "flags") return seen |= 1 << 12, Strings(scan, &c.flags);
    if (k == "comparisons") {
      c.comparisons.clear();
      return seen |= 1 << 13, scan.Items([&] {
        c.comparisons.emplace_back();
        return ReadComparison(scan, &c.comparisons.back());
      });
    }
    if (k == "denominator") {  // a number, or anything else for none
      if (!scan.PeekNumber()) {
        c.denominator.reset();
        return scan.Value(0);
      }
      double d;
      if (!scan.Double(&d)) return false;
      c.denominator = d;
      return true;
    }
    if (k == "qualifier") return Optional(scan, &c.qualifier);
    if (k == "indicator") return Optional(scan, &c.indicator);
    if (k == "entity") return Optional(scan, &c.entity);
    if (k == "period") return ReadPeriod(scan, &c.period);
    if (k == "part_of") return Optional(scan, &part_of);
    return scan.Value(0);
  });
  if (!ok || seen != (1u << 14) - 1) return false;
  out->doc.claims.push_back(std::move(c));
  out->claim_ids.push_back(std::move(id));
  out->part_of.push_back(std::move(part_of));
  return true;
}

bool ReadDocument(JsonScanner& scan, DocumentLine* out) {
  AnalyzedDocument& a = out->doc;
  Document& d = a.doc;
  std::optional<std::string> url, title;
  unsigned seen = 0;  // a bit each: doc_id, source, text, normalized, sentences
  bool ok = scan.Members([&](const std::string& k) {
    if (k == "doc_id") return seen |= 1, Required(scan, &d.doc_id);
    if (k == "source") return seen |= 2, Required(scan, &d.source);
    if (k == "text") return seen |= 4, Required(scan, &d.text);
    if (k == "normalized") return seen |= 8, Required(scan, &a.normalized);
    if (k == "sentences") return seen |= 16, ScanSentenceSpans(scan, &a.sentences);
    if (k == "content_hash") {
      std::string h;
      if (!Required(scan, &h)) return false;
      out->content_hash = std::move(h);
      return true;
    }
    if (k == "encoding") return Required(scan, &d.encoding);
    if (k == "encoding_confidence") return scan.Double(&d.encoding_confidence);
    if (k == "url") return Optional(scan, &url);
    if (k == "title") return Optional(scan, &title);
    if (k == "published") return Optional(scan, &d.published);
    return scan.Value(0);
  });
  if (!ok || seen != 31) return false;
  d.url = url.value_or("");
  d.title = title.value_or("");
  return true;
}

using Json = nlohmann::ordered_json;

// A string member of `j`; nothing when it is absent or not a string.
std::optional<std::string> StringMember(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace

bool ReadDocumentLine(std::string_view line, DocumentLine* out) {
  *out = DocumentLine{};
  out->doc.doc.encoding = "utf-8";
  out->doc.doc.encoding_confidence = 1.0;
  if (FindInvalidUtf8(line) != std::string_view::npos) return false;
  JsonScanner scan(line);
  bool has_document = false, has_claims = false;
  bool ok = scan.Members([&](const std::string& k) {
    if (k == "document") {
      if (has_document) return false;  // a second one: the full parser decides
      has_document = true;
      return ReadDocument(scan, out);
    }
    if (k == "claims") {
      if (has_claims) return false;
      has_claims = true;
      return scan.Items([&] { return ReadClaim(scan, out); });
    }
    return scan.Value(0);
  });
  return ok && has_document && has_claims && scan.AtEnd();
}

Status ReadDocumentLineFully(const std::string& line, const std::string& where, DocumentLine* out) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("document") || !j.contains("claims")) {
    return Status::InvalidInput(where + ": not a solieu document line (truncated or from another tool), skipped");
  }
  try {
    const Json& d = j["document"];
    *out = DocumentLine{};
    AnalyzedDocument* a = &out->doc;
    Document& doc = a->doc;
    doc.doc_id = d.at("doc_id").get<std::string>();
    doc.source = d.at("source").get<std::string>();
    doc.text = d.at("text").get<std::string>();
    if (d.contains("content_hash")) out->content_hash = d["content_hash"].get<std::string>();
    doc.url = StringMember(d, "url").value_or("");
    doc.title = StringMember(d, "title").value_or("");
    doc.published = StringMember(d, "published");
    doc.encoding = d.value("encoding", "utf-8");
    doc.encoding_confidence = d.value("encoding_confidence", 1.0);
    a->normalized = d.at("normalized").get<std::string>();
    for (const Json& s : d.at("sentences")) {
      a->sentences.push_back({s.at(0).get<uint32_t>(), s.at(1).get<uint32_t>(), s.at(2).get<uint32_t>(), s.at(3).get<uint32_t>()});
    }
    for (const Json& cj : j["claims"]) {
      Claim c;
      out->claim_ids.push_back(cj.at("claim_id").get<std::string>());
      c.sentence = cj.at("sentence_idx").get<int>();
      c.span_begin = cj.at("span").at(0).get<uint32_t>();
      c.span_end = cj.at("span").at(1).get<uint32_t>();
      c.text = cj.at("text").get<std::string>();
      c.number = cj.at("number").get<std::string>();
      c.value = cj.at("value").get<double>();
      c.unit = cj.at("unit").get<std::string>();
      c.dimension = cj.at("dimension").get<std::string>();
      c.base_value = cj.at("si_value").get<double>();
      c.base_unit = cj.at("si_unit").get<std::string>();
      if (auto f = cj.find("denominator"); f != cj.end() && f->is_number()) c.denominator = f->get<double>();
      c.qualifier = StringMember(cj, "qualifier");
      c.modality = cj.at("modality").get<std::string>();
      c.metric = cj.at("metric").get<std::string>();
      c.indicator = StringMember(cj, "indicator");
      c.entity = StringMember(cj, "entity");
      if (auto p = cj.find("period"); p != cj.end() && p->is_object()) {
        c.period = Period{p->at("label").get<std::string>(), p->at("from").get<std::string>(), p->at("to").get<std::string>()};
      }
      c.flags = cj.at("flags").get<std::vector<std::string>>();
      for (const Json& mj : cj.at("comparisons")) {
        Comparison m;
        m.span_begin = mj.at("span").at(0).get<uint32_t>();
        m.span_end = mj.at("span").at(1).get<uint32_t>();
        m.text = mj.at("text").get<std::string>();
        m.percent = mj.at("percent").get<double>();
        m.kind = mj.at("kind").get<std::string>();
        m.direction = StringMember(mj, "direction");
        m.baseline = StringMember(mj, "baseline");
        m.baseline_kind = StringMember(mj, "baseline_kind");
        m.flags = mj.at("flags").get<std::vector<std::string>>();
        c.comparisons.push_back(std::move(m));
      }
      a->claims.push_back(std::move(c));
      out->part_of.push_back(StringMember(cj, "part_of"));
    }
  } catch (const Json::exception& e) {
    return Status::InvalidInput(where + ": malformed document line (" + e.what() + "), skipped");
  }
  return Status::Ok();
}

}  // namespace solieu
