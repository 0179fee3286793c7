#include "pipeline/document_line.h"

#include <catch2/catch.hpp>

#include "pipeline/claim_json.h"
#include "test_support.h"

using namespace solieu;

namespace {

// Everything a DocumentLine holds, as one comparable string, without
// trusting its offsets (a mutated line may point anywhere).
std::string Dump(const DocumentLine& d) {
  std::string out;
  AnalyzedDocument doc_only = d.doc;
  doc_only.claims.clear();
  AppendDocumentJson(doc_only, &out);
  AnalyzedDocument for_claims = d.doc;  // every claim's sentence made empty and in range
  for_claims.sentences.assign(1, SentenceRecord{0, 0, 0, 0});
  for (size_t i = 0; i < d.doc.claims.size(); ++i) {
    Claim c = d.doc.claims[i];
    out += "|sentence " + std::to_string(c.sentence) + " ";
    c.sentence = 0;
    AppendClaimJson(for_claims, c, &out);
    out += "|" + d.claim_ids[i] + "<" + d.part_of[i].value_or("-");
  }
  out += "|" + d.content_hash.value_or("(none)");
  return out;
}

std::string SampleLine() {
  auto a = testing::AnalyzeText(
      "Bắc Kạn, ngày 30/6/2023\n"
      "Trong 6 tháng đầu năm 2023, tổng thu ngân sách trên địa bàn tỉnh đạt 575, tỷ đồng, bằng 108.6% dự toán; "
      "trong đó thu nội địa đạt 412 tỷ đồng. Có 205/207 xã đạt chuẩn, chiếm 99%.",
      "bac-kan.txt");
  std::string line;
  AppendDocumentJson(a, &line);
  return line;
}

}  // namespace

TEST_CASE("ReadDocumentLine reads a document line as the full JSON parser does", "[pipeline]") {
  std::string line = SampleLine();
  DocumentLine fast, full;
  REQUIRE(ReadDocumentLine(line, &fast));
  REQUIRE(ReadDocumentLineFully(line, "part:1", &full).ok());
  CHECK(Dump(fast) == Dump(full));
  CHECK(fast.doc.claims.size() >= 4);
  bool has_part = false;
  for (const auto& p : fast.part_of) has_part |= p.has_value();
  CHECK(has_part);  // "trong đó thu nội địa" is a part of the total
}

TEST_CASE("ReadDocumentLine leaves unusual lines to the full parser, which still reads them", "[pipeline]") {
  std::string line = SampleLine();
  // A sentence index written as 1.0, a duplicate document: legal JSON the fast path does not take.
  std::string float_index = line;
  size_t at = float_index.find("\"sentence_idx\":");
  REQUIRE(at != std::string::npos);
  size_t digits = at + std::string("\"sentence_idx\":").size();
  size_t end = float_index.find_first_not_of("0123456789", digits);
  float_index.insert(end, ".0");
  DocumentLine d;
  CHECK_FALSE(ReadDocumentLine(float_index, &d));
  AnalyzedDocument a;
  CHECK(DocumentFromJson(float_index, "part:2", &a).ok());
  // Broken lines: both refuse, and the error names the place.
  std::string truncated = line.substr(0, line.size() / 3);
  CHECK_FALSE(ReadDocumentLine(truncated, &d));
  Status st = DocumentFromJson(truncated, "part:9", &a);
  REQUIRE_FALSE(st.ok());
  CHECK_THAT(st.message(), Catch::Contains("part:9"));
}

TEST_CASE("ReadDocumentLine agrees with the full parser on every mutation it accepts", "[pipeline]") {
  const std::string base = SampleLine();
  const std::string alphabet = "{}[]:,\" 0123456789.-enul";
  uint32_t seed = 2024;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (seed >> 8) & 0xFFFFFF; };
  int accepted = 0, mutated = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string line = base;
    // Mutations near the structure (not only inside long texts): pick a structural byte.
    for (int k = 1 + next() % 2; k > 0; --k) {
      size_t at = next() % line.size();
      size_t s = line.find_first_of("{}[]:,\"", at);
      if (s == std::string::npos) s = at;
      char c = alphabet[next() % alphabet.size()];
      switch (next() % 3) {
        case 0: line.insert(line.begin() + s, c); break;
        case 1: line.erase(s, 1); break;
        default: line[s] = c; break;
      }
    }
    DocumentLine fast, full;
    if (!ReadDocumentLine(line, &fast)) continue;
    ++accepted;
    mutated += line != base;
    INFO(line);
    REQUIRE(ReadDocumentLineFully(line, "m:1", &full).ok());
    CHECK(Dump(fast) == Dump(full));
  }
  CHECK(mutated > 50);  // changed lines were accepted, not only the original
}
