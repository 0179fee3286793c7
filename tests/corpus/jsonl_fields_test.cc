#include "corpus/jsonl_fields.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fuzz/json_lines_oracle.h"

using solieu::JsonlFields;
using solieu::ReadJsonlFields;
using solieu::testing::SameAsFullParser;

TEST_CASE("ReadJsonlFields reads the string fields of a report line", "[corpus]") {
  std::string line =
      R"({"id":"bk-2023-06","url":"https://baobackan.vn/a.html","title":"Thu ngân sách 6 tháng",)"
      R"("published":"2023-06-30T08:00:00+07:00","tags":["ngân sách",{"n":1}],"words":1.5e3,"draft":false,)"
      R"("text":"Tổng thu ngân sách đạt 575, tỷ đồng, bằng 108.6% dự toán.\nLoading the player..."})";
  JsonlFields f;
  REQUIRE(ReadJsonlFields(line, &f));
  CHECK(*f.id == "bk-2023-06");
  CHECK(*f.title == "Thu ngân sách 6 tháng");
  CHECK(*f.text == "Tổng thu ngân sách đạt 575, tỷ đồng, bằng 108.6% dự toán.\nLoading the player...");
  CHECK_FALSE(f.html.has_value());
  CHECK(SameAsFullParser(line, f));
}

TEST_CASE("ReadJsonlFields decodes escapes and surrogate pairs as JSON does", "[corpus]") {
  std::string line = R"({"text":"\"Tổng\" \\ \/ \b\f\n\r\t \u1ED5 \u0111\u1EA1t \uD83D\uDCC8 \u0000 end"})";
  JsonlFields f;
  REQUIRE(ReadJsonlFields(line, &f));
  CHECK(f.text->find("ổ") != std::string::npos);
  CHECK(f.text->find("\xF0\x9F\x93\x88") != std::string::npos);  // U+1F4C8 from its surrogate pair
  CHECK(SameAsFullParser(line, f));
}

TEST_CASE("ReadJsonlFields finds an escape or a stray control character wherever it falls among eight-byte steps", "[corpus]") {
  // The string reader steps over plain text eight bytes at a time: each
  // escape, and each raw control character (which JSON refuses), at every
  // place of a report sentence must be read as the full parser reads it.
  const std::string text = "Tổng thu ngân sách ước đạt 575, tỷ đồng";
  size_t wrong = 0;
  for (std::string insert : {std::string("\\\""), std::string("\\\\"), std::string("\\n"), std::string("\\u1ED5"),
                             std::string("\""), std::string("\x01"), std::string("\t"), std::string("\x1F")}) {
    for (size_t at = 0; at <= text.size(); ++at) {
      if (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;  // UTF-8 kept whole
      std::string line = R"({"id":"bk-1","text":")" + text.substr(0, at) + insert + text.substr(at) + R"("})";
      JsonlFields f;
      bool fast = ReadJsonlFields(line, &f);
      bool valid = !nlohmann::json::parse(line, nullptr, false).is_discarded();
      wrong += fast != valid || (fast && !SameAsFullParser(line, f));
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("ReadJsonlFields keeps the last of duplicate keys, as the full parser does", "[corpus]") {
  std::string line = R"({"text":"cũ","text":"Thu ngân sách đạt 3.200 tỷ đồng"})";
  JsonlFields f;
  REQUIRE(ReadJsonlFields(line, &f));
  CHECK(*f.text == "Thu ngân sách đạt 3.200 tỷ đồng");
  CHECK(SameAsFullParser(line, f));
}

TEST_CASE("ReadJsonlFields leaves every line that is not strict JSON to the full parser", "[corpus]") {
  const char* broken[] = {
      R"({"text":"Tổng thu ngân sách đạt 575, tỷ)",        // truncated
      R"({"text":"a"} trailing)",                          // garbage after the object
      R"({"text":"a",})",                                  // trailing comma
      R"({'text':"a"})",                                   // single quotes
      R"({"text":"tab	inside"})",                         // raw control character
      R"({"text":"\x41"})",                                // unknown escape
      R"({"text":"\uD83D alone"})",                        // lone high surrogate
      R"({"text":"\uDC00"})",                              // lone low surrogate
      R"({"text":"a","n":01})",                            // leading zero
      R"({"text":"a","n":1.})",                            // bare decimal point
      R"({"text":"a","n":tru})",                           // bad literal
      R"({"text":"a","n":[0,6e756]})",                     // no double holds it: the full parser refuses it
      R"({"text":"a","n":-1E+400})",
      R"(["text","a"])",                                   // not an object
      "{\"text\":\"bad \xC3\x28 byte\"}",                  // invalid UTF-8
      "",
  };
  for (const char* line : broken) {
    JsonlFields f;
    INFO(line);
    CHECK_FALSE(ReadJsonlFields(line, &f));
    auto full = nlohmann::json::parse(line, nullptr, false);
    CHECK((full.is_discarded() || !full.is_object()));
  }
}

TEST_CASE("ReadJsonlFields hands a non-string field to the full parser", "[corpus]") {
  JsonlFields f;
  CHECK_FALSE(ReadJsonlFields(R"({"id":42,"text":"Thu ngân sách đạt 3.200 tỷ đồng"})", &f));
  CHECK_FALSE(ReadJsonlFields(R"({"title":null,"text":"a"})", &f));
  CHECK(ReadJsonlFields(R"({"views":42,"meta":{"id":7},"text":"a"})", &f));  // not wanted: skipped
  CHECK(ReadJsonlFields(R"({"score":-0.5e3,"big":123456789012345678901234567890,"text":"a"})", &f));
  CHECK_FALSE(f.id.has_value());
}

TEST_CASE("ReadJsonlFields agrees with the full parser on every mutation of a line it accepts", "[corpus]") {
  const std::string base =
      R"({"id":"tn-1","title":"Thái Nguyên","n":[1,-2.5e3,true,null],"text":"Thu \"ngân sách\" đạt 1.850 tỷ\n"})";
  const std::string alphabet = "{}[]:,\"\\ u0aE.-+e\t\xC3\xA1";
  uint32_t seed = 2023;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (seed >> 8) & 0xFFFFFF; };
  int accepted = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string line = base;
    for (int k = 1 + next() % 3; k > 0; --k) {
      size_t at = next() % (line.size() + 1);
      char c = alphabet[next() % alphabet.size()];
      switch (next() % 3) {
        case 0: line.insert(line.begin() + at, c); break;
        case 1: if (at < line.size()) line.erase(at, 1); break;
        default: if (at < line.size()) line[at] = c; break;
      }
    }
    JsonlFields f;
    if (!ReadJsonlFields(line, &f)) continue;
    ++accepted;
    INFO(line);
    CHECK(SameAsFullParser(line, f));
  }
  CHECK(accepted > 100);  // the mutations are not all rejections
}
