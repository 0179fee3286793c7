#include "pipeline/claim_json.h"

#include "corpus/sha256.h"
#include "extractors/sentence_spans.h"
#include "pipeline/document_line.h"
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
  w.Key("sentences").Raw(SentenceSpansJson(a.sentences));
  w.EndObject();
  w.Key("claims").BeginArray();
  for (const Claim& c : a.claims) WriteClaim(a, c, /*with_sentence_idx=*/true, w);
  w.EndArray().EndObject();
}

Status DocumentFromJson(const std::string& line, const std::string& where, AnalyzedDocument* a) {
  DocumentLine read;
  if (!ReadDocumentLine(line, &read)) SOLIEU_RETURN_IF_ERROR(ReadDocumentLineFully(line, where, &read));
  *a = std::move(read.doc);
  Document& doc = a->doc;
  doc.content_hash = Sha256Hex(doc.text);
  if (read.content_hash.value_or(doc.content_hash) != doc.content_hash) {
    return Status::InvalidInput(where + ": content_hash does not match the document text, skipped");
  }
  for (const SentenceRecord& r : a->sentences) {
    if (r.norm_begin > r.norm_end || r.norm_end > a->normalized.size() || r.begin > r.end || r.end > doc.text.size()) {
      return Status::InvalidInput(where + ": a sentence points outside its document, skipped");
    }
  }
  for (size_t i = 0; i < a->claims.size(); ++i) {
    const Claim& c = a->claims[i];
    if (c.sentence < 0 || static_cast<size_t>(c.sentence) >= a->sentences.size() || c.span_end > doc.text.size()) {
      return Status::InvalidInput(where + ": claim " + read.claim_ids[i] + " points outside its document, skipped");
    }
  }
  for (size_t i = 0; i < a->claims.size(); ++i) {
    if (!read.part_of[i]) continue;
    for (size_t k = 0; k < read.claim_ids.size(); ++k) {
      if (read.claim_ids[k] == *read.part_of[i]) a->claims[i].part_of = static_cast<int>(k);
    }
  }
  return Status::Ok();
}

}  // namespace solieu
