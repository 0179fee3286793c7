#include "pipeline/json_writer.h"

#include <catch2/catch.hpp>
#include <limits>
#include <nlohmann/json.hpp>

using solieu::JsonWriter;

namespace {

std::string Written(const std::function<void(JsonWriter&)>& write) {
  std::string out;
  JsonWriter w(&out);
  write(w);
  return out;
}

}  // namespace

TEST_CASE("JsonWriter writes numbers as the JSON library does", "[pipeline]") {
  for (double v : {0.0, -0.0, 0.1, 44.9, 108.6, 3200.0, 575.0, 21997000000000.0, 1e15, 1e-4, 1e-5, 3.2e-7, 1.5e300,
                   -2.5, 0.5})  {
    INFO(v);
    CHECK(Written([&](JsonWriter& w) { w.Number(v); }) == nlohmann::ordered_json(v).dump());
  }
  CHECK(Written([](JsonWriter& w) { w.Number(std::numeric_limits<double>::quiet_NaN()); }) == "null");
  CHECK(Written([](JsonWriter& w) { w.Number(std::numeric_limits<double>::infinity()); }) == "null");
}

TEST_CASE("JsonWriter escapes strings as the JSON library does", "[pipeline]") {
  for (std::string s : {std::string("Thu ngân sách đạt 3.200 tỷ đồng"), std::string("\"trích\" \\ dẫn"),
                        std::string("dòng 1\ndòng 2\r\n\ttab \b\f"), std::string("nul \x01\x1f\x7f", 7),
                        std::string("</script><img onerror=x>"), std::string()}) {
    INFO(s);
    CHECK(Written([&](JsonWriter& w) { w.String(s); }) == nlohmann::ordered_json(s).dump());
  }
}

TEST_CASE("JsonWriter escapes a byte wherever it falls among the eight-byte steps", "[pipeline]") {
  // Every ASCII byte (controls, quote, backslash, DEL) at every place of a
  // report line, against the JSON library.
  const std::string line = "Tổng thu ngân sách ước đạt 575, tỷ đồng";
  size_t wrong = 0;
  for (int b = 0; b < 0x80; ++b) {
    for (size_t at = 0; at <= line.size(); ++at) {
      if (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) continue;  // keep UTF-8 whole
      std::string s = line;
      s.insert(at, 1, static_cast<char>(b));
      wrong += Written([&](JsonWriter& w) { w.String(s); }) != nlohmann::ordered_json(s).dump();
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("JsonWriter separates keys and values at every depth", "[pipeline]") {
  std::string out = Written([](JsonWriter& w) {
    w.BeginObject();
    w.Key("span").BeginArray().Int(12).Int(40).EndArray();
    w.Key("period").BeginObject().Key("label").String("6 tháng đầu năm 2023").Key("to").String("2023-06-30").EndObject();
    w.Key("flags").Strings({"fraction", "approx"});
    w.Key("comparisons").BeginArray().EndArray();
    w.Key("entity").String(std::optional<std::string>());
    w.Key("denominator").Number(std::optional<double>(207));
    w.EndObject();
  });
  nlohmann::ordered_json expected = {{"span", {12, 40}},
                                     {"period", {{"label", "6 tháng đầu năm 2023"}, {"to", "2023-06-30"}}},
                                     {"flags", {"fraction", "approx"}},
                                     {"comparisons", nlohmann::ordered_json::array()},
                                     {"entity", nullptr},
                                     {"denominator", 207.0}};
  CHECK(out == expected.dump());
}
