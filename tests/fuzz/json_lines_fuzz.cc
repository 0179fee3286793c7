// libFuzzer target: bytes as one input line → the fast line readers
// (corpus/jsonl_fields.h, pipeline/document_line.h). Each must either give
// the line up or read it exactly as the full JSON parser does, and what it
// reads is valid UTF-8 (the reader takes a JSONL text without checking again).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "corpus/jsonl_fields.h"
#include "corpus/utf8.h"
#include "pipeline/claim_json.h"
#include "pipeline/document_line.h"
#include "json_lines_oracle.h"

namespace {

void Require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string line(reinterpret_cast<const char*>(data), size);
  solieu::JsonlFields fields;
  if (solieu::ReadJsonlFields(line, &fields)) {
    Require(solieu::testing::SameAsFullParser(line, fields));
    for (const auto* field : {&fields.text, &fields.id, &fields.url, &fields.title, &fields.published, &fields.html}) {
      Require(!*field || solieu::FindInvalidUtf8(**field) == std::string::npos);
    }
  }
  solieu::DocumentLine fast, full;
  if (solieu::ReadDocumentLine(line, &fast)) {
    Require(solieu::ReadDocumentLineFully(line, "fuzz:1", &full).ok());
    Require(solieu::testing::SameDocument(fast, full));
  }
  solieu::AnalyzedDocument doc;
  (void)solieu::DocumentFromJson(line, "fuzz:1", &doc);  // any line: an error, never a crash
  return 0;
}
