#include "extractors/sentence_spans.h"

#include <catch2/catch.hpp>

using namespace solieu;

TEST_CASE("Sentence spans read back as written, and spans of another shape are refused", "[extractors]") {
  std::vector<SentenceRecord> spans = {{0, 88, 0, 89}, {89, 120, 90, 122}};
  std::string json = SentenceSpansJson(spans);
  CHECK(json == "[[0,88,0,89],[89,120,90,122]]");
  std::vector<SentenceRecord> back;
  REQUIRE(ParseSentenceSpans(json, &back));
  REQUIRE(back.size() == 2);
  CHECK(back[1].norm_begin == 89);
  CHECK(back[1].end == 122);
  CHECK(ParseSentenceSpans("[]", &back));
  CHECK(back.empty());
  CHECK(ParseSentenceSpans("[[0, 88, 0, 89]]", &back));  // as SQLite's json functions may write it
  for (const char* bad : {"", "[", "[[0,88,0]]", "[[0,88,0,89]", "[[0,88,0,89],]", "[[-1,88,0,89]]", "{\"a\":1}",
                          "[[0,88,0,89]] x", "[[0,88,0,4294967296]]"}) {
    CHECK_FALSE(ParseSentenceSpans(bad, &back));
  }
}

TEST_CASE("Sentence spans are read as one value among others, as a document line holds them", "[extractors]") {
  JsonScanner scan(R"({"sentences": [[0,44,0,45],[45,90,46,92]], "text": "x"})");
  std::vector<SentenceRecord> spans;
  bool read = scan.Members([&](const std::string& key) {
    return key == "sentences" ? ScanSentenceSpans(scan, &spans) : scan.Value(0);
  });
  REQUIRE(read);
  REQUIRE(spans.size() == 2);
  CHECK(spans[1].norm_end == 90);
  CHECK(spans[1].begin == 46);
  CHECK(SentenceSpansJson(spans) == "[[0,44,0,45],[45,90,46,92]]");
}

TEST_CASE("Sentence spans are written whole at the widest offsets and for a document without sentences",
          "[extractors]") {
  CHECK(SentenceSpansJson({}) == "[]");
  constexpr uint32_t kMax = 4294967295u;
  std::vector<SentenceRecord> widest(3, SentenceRecord{kMax, kMax, kMax, kMax});
  std::string one = "[4294967295,4294967295,4294967295,4294967295]";
  CHECK(SentenceSpansJson(widest) == "[" + one + "," + one + "," + one + "]");
  std::vector<SentenceRecord> back;
  REQUIRE(ParseSentenceSpans(SentenceSpansJson(widest), &back));
  REQUIRE(back.size() == 3);
  CHECK(back[2].end == kMax);
}
