#include "pipeline/claim_json.h"

#include "corpus/sha256.h"

namespace solieu {
namespace {

template <typename T>
Json OrNull(const std::optional<T>& v) { return v ? Json(*v) : Json(nullptr); }

Json ComparisonToJson(const Comparison& m) {
  Json j;
  j["span"] = {m.span_begin, m.span_end};
  j["text"] = m.text;
  j["percent"] = m.percent;
  j["kind"] = m.kind;
  j["direction"] = OrNull(m.direction);
  j["baseline"] = OrNull(m.baseline);
  j["baseline_kind"] = OrNull(m.baseline_kind);
  j["flags"] = m.flags;
  return j;
}

}  // namespace

Json ClaimToJson(const AnalyzedDocument& a, const Claim& c) {
  Json j;
  j["claim_id"] = a.ClaimId(c);
  j["doc_id"] = a.doc.doc_id;
  j["source"] = a.doc.source;
  j["span"] = {c.span_begin, c.span_end};
  j["text"] = c.text;
  j["sentence"] = std::string(a.SentenceText(c.sentence));
  j["number"] = c.number;
  j["value"] = c.value;
  j["unit"] = c.unit;
  j["dimension"] = c.dimension;
  j["si_value"] = c.base_value;
  j["si_unit"] = c.base_unit;
  j["denominator"] = OrNull(c.denominator);
  j["qualifier"] = OrNull(c.qualifier);
  j["modality"] = c.modality;
  j["metric"] = c.metric;
  j["indicator"] = OrNull(c.indicator);
  j["entity"] = OrNull(c.entity);
  if (c.period) {
    j["period"] = {{"label", c.period->label}, {"from", c.period->from}, {"to", c.period->to}};
  } else {
    j["period"] = nullptr;
  }
  j["flags"] = c.flags;
  Json comps = Json::array();
  for (const Comparison& m : c.comparisons) comps.push_back(ComparisonToJson(m));
  j["comparisons"] = std::move(comps);
  j["part_of"] = c.part_of >= 0 ? Json(a.ClaimId(a.claims[c.part_of])) : Json(nullptr);
  return j;
}

Json DocumentToJson(const AnalyzedDocument& a) {
  const Document& d = a.doc;
  Json doc;
  doc["doc_id"] = d.doc_id;
  doc["source"] = d.source;
  doc["content_hash"] = d.content_hash;
  doc["url"] = d.url.empty() ? Json(nullptr) : Json(d.url);
  doc["title"] = d.title.empty() ? Json(nullptr) : Json(d.title);
  doc["published"] = OrNull(d.published);
  doc["encoding"] = d.encoding;
  doc["encoding_confidence"] = d.encoding_confidence;
  doc["text"] = d.text;
  doc["normalized"] = a.normalized;
  Json sents = Json::array();
  for (const SentenceRecord& s : a.sentences) sents.push_back({s.norm_begin, s.norm_end, s.begin, s.end});
  doc["sentences"] = std::move(sents);
  Json claims = Json::array();
  for (const Claim& c : a.claims) {
    Json j = ClaimToJson(a, c);
    j["sentence_idx"] = c.sentence;
    claims.push_back(std::move(j));
  }
  Json out;
  out["document"] = std::move(doc);
  out["claims"] = std::move(claims);
  return out;
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
