#include "pipeline/claim_json.h"

#include "corpus/sha256.h"
#include "pipeline/json_writer.h"

namespace solieu {
namespace {

void WriteComparison(const Comparison& m, JsonWriter& w) {
  w.BeginObject();
  w.Key("span").BeginArray().Int(m.span_begin).Int(m.span_end).EndArray();
  w.Key("text").String(m.text);
  w.Key("percent").Number(m.percent);
  w.Key("kind").String(m.kind);
  w.Key("direction").String(m.direction);
  w.Key("baseline").String(m.baseline);
  w.Key("baseline_kind").String(m.baseline_kind);
  w.Key("flags").Strings(m.flags);
  w.EndObject();
}

// The claim object; `with_sentence_idx` adds the index the database needs
// (document lines only).
void WriteClaim(const AnalyzedDocument& a, const Claim& c, bool with_sentence_idx, JsonWriter& w) {
  w.BeginObject();
  w.Key("claim_id").String(a.ClaimId(c));
  w.Key("doc_id").String(a.doc.doc_id);
  w.Key("source").String(a.doc.source);
  w.Key("span").BeginArray().Int(c.span_begin).Int(c.span_end).EndArray();
  w.Key("text").String(c.text);
  w.Key("sentence").String(a.SentenceText(c.sentence));
  w.Key("number").String(c.number);
  w.Key("value").Number(c.value);
  w.Key("unit").String(c.unit);
  w.Key("dimension").String(c.dimension);
  w.Key("si_value").Number(c.base_value);
  w.Key("si_unit").String(c.base_unit);
  w.Key("denominator").Number(c.denominator);
  w.Key("qualifier").String(c.qualifier);
  w.Key("modality").String(c.modality);
  w.Key("metric").String(c.metric);
  w.Key("indicator").String(c.indicator);
  w.Key("entity").String(c.entity);
  w.Key("period");
  if (c.period) {
    w.BeginObject();
    w.Key("label").String(c.period->label);
    w.Key("from").String(c.period->from);
    w.Key("to").String(c.period->to);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("flags").Strings(c.flags);
  w.Key("comparisons").BeginArray();
  for (const Comparison& m : c.comparisons) WriteComparison(m, w);
  w.EndArray();
  w.Key("part_of");
  if (c.part_of >= 0) w.String(a.ClaimId(a.claims[c.part_of]));
  else w.Null();
  if (with_sentence_idx) w.Key("sentence_idx").Int(c.sentence);
  w.EndObject();
}

}  // namespace

void AppendClaimJson(const AnalyzedDocument& a, const Claim& c, std::string* out) {
  JsonWriter w(out);
  WriteClaim(a, c, /*with_sentence_idx=*/false, w);
}

void AppendDocumentJson(const AnalyzedDocument& a, std::string* out) {
  const Document& d = a.doc;
  JsonWriter w(out);
  w.BeginObject().Key("document").BeginObject();
  w.Key("doc_id").String(d.doc_id);
  w.Key("source").String(d.source);
  w.Key("content_hash").String(d.content_hash);
  w.Key("url");
  if (d.url.empty()) w.Null(); else w.String(d.url);
  w.Key("title");
  if (d.title.empty()) w.Null(); else w.String(d.title);
  w.Key("published").String(d.published);
  w.Key("encoding").String(d.encoding);
  w.Key("encoding_confidence").Number(d.encoding_confidence);
  w.Key("text").String(d.text);
  w.Key("normalized").String(a.normalized);
  w.Key("sentences").BeginArray();
  for (const SentenceRecord& r : a.sentences) {
    w.BeginArray().Int(r.norm_begin).Int(r.norm_end).Int(r.begin).Int(r.end).EndArray();
  }
  w.EndArray();
  w.EndObject();
  w.Key("claims").BeginArray();
  for (const Claim& c : a.claims) WriteClaim(a, c, /*with_sentence_idx=*/true, w);
  w.EndArray().EndObject();
}

Status DocumentFromJson(const std::string& line, const std::string& where, AnalyzedDocument* a) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || !j.contains("document") || !j.contains("claims")) {
    return Status::InvalidInput(where + ": not a solieu document line (truncated or from another tool), skipped");
  }
  try {
    const Json& d = j["document"];
    *a = AnalyzedDocument{};
    Document& doc = a->doc;
    doc.doc_id = d.at("doc_id").get<std::string>();
    doc.source = d.at("source").get<std::string>();
    doc.text = d.at("text").get<std::string>();
    doc.content_hash = Sha256Hex(doc.text);
    if (d.value("content_hash", doc.content_hash) != doc.content_hash) {
      return Status::InvalidInput(where + ": content_hash does not match the document text, skipped");
    }
    if (d.contains("url") && d["url"].is_string()) doc.url = d["url"].get<std::string>();
    if (d.contains("title") && d["title"].is_string()) doc.title = d["title"].get<std::string>();
    if (d.contains("published") && d["published"].is_string()) doc.published = d["published"].get<std::string>();
    doc.encoding = d.value("encoding", "utf-8");
    doc.encoding_confidence = d.value("encoding_confidence", 1.0);
    a->normalized = d.at("normalized").get<std::string>();
    for (const Json& s : d.at("sentences")) {
      a->sentences.push_back({s.at(0).get<uint32_t>(), s.at(1).get<uint32_t>(), s.at(2).get<uint32_t>(), s.at(3).get<uint32_t>()});
      const SentenceRecord& r = a->sentences.back();
      if (r.norm_begin > r.norm_end || r.norm_end > a->normalized.size() || r.begin > r.end || r.end > doc.text.size()) {
        return Status::InvalidInput(where + ": a sentence points outside its document, skipped");
      }
    }
    std::vector<std::string> ids;
    for (const Json& cj : j["claims"]) {
      Claim c;
      ids.push_back(cj.at("claim_id").get<std::string>());
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
      if (cj["denominator"].is_number()) c.denominator = cj["denominator"].get<double>();
      if (cj["qualifier"].is_string()) c.qualifier = cj["qualifier"].get<std::string>();
      c.modality = cj.at("modality").get<std::string>();
      c.metric = cj.at("metric").get<std::string>();
      if (cj["indicator"].is_string()) c.indicator = cj["indicator"].get<std::string>();
      if (cj["entity"].is_string()) c.entity = cj["entity"].get<std::string>();
      if (cj["period"].is_object()) {
        const Json& p = cj["period"];
        c.period = Period{p.at("label").get<std::string>(), p.at("from").get<std::string>(), p.at("to").get<std::string>()};
      }
      c.flags = cj.at("flags").get<std::vector<std::string>>();
      for (const Json& mj : cj.at("comparisons")) {
        Comparison m;
        m.span_begin = mj.at("span").at(0).get<uint32_t>();
        m.span_end = mj.at("span").at(1).get<uint32_t>();
        m.text = mj.at("text").get<std::string>();
        m.percent = mj.at("percent").get<double>();
        m.kind = mj.at("kind").get<std::string>();
        if (mj["direction"].is_string()) m.direction = mj["direction"].get<std::string>();
        if (mj["baseline"].is_string()) m.baseline = mj["baseline"].get<std::string>();
        if (mj["baseline_kind"].is_string()) m.baseline_kind = mj["baseline_kind"].get<std::string>();
        m.flags = mj.at("flags").get<std::vector<std::string>>();
        c.comparisons.push_back(std::move(m));
      }
      if (c.sentence < 0 || static_cast<size_t>(c.sentence) >= a->sentences.size() || c.span_end > doc.text.size()) {
        return Status::InvalidInput(where + ": claim " + ids.back() + " points outside its document, skipped");
      }
      a->claims.push_back(std::move(c));
    }
    for (size_t i = 0; i < a->claims.size(); ++i) {
      const Json& p = j["claims"][i]["part_of"];
      if (!p.is_string()) continue;
      for (size_t k = 0; k < ids.size(); ++k) if (ids[k] == p.get<std::string>()) a->claims[i].part_of = static_cast<int>(k);
    }
  } catch (const Json::exception& e) {
    return Status::InvalidInput(where + ": malformed document line (" + e.what() + "), skipped");
  }
  return Status::Ok();
}

}  // namespace solieu
