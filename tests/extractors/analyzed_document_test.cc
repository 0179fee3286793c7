#include "extractors/analyzed_document.h"

#include <catch2/catch.hpp>

using namespace solieu;

TEST_CASE("A claim's id is its document id and the span of its text, the widest spans included", "[extractors]") {
  AnalyzedDocument a;
  a.doc.doc_id = "bac-kan-2023-thu-ngan-sach";
  Claim c;
  c.span_begin = 1283;
  c.span_end = 1302;
  CHECK(a.ClaimId(c) == "bac-kan-2023-thu-ngan-sach:1283-1302");
  c.span_begin = 0;
  c.span_end = 4294967295u;
  CHECK(a.ClaimId(c) == "bac-kan-2023-thu-ngan-sach:0-4294967295");
  c.span_begin = 4294967295u;
  a.doc.doc_id = "";
  CHECK(a.ClaimId(c) == ":4294967295-4294967295");
}
