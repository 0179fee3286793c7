#include "normalizers/tone_normalizer.h"

#include <catch2/catch.hpp>

using solieu::ToneNormalizer;

TEST_CASE("ToneNormalizer puts the tone on the first vowel of open oa, oe, uy", "[normalizers]") {
  auto tn = ToneNormalizer::Create();
  REQUIRE(tn.ok());
  struct Case { const char* in; const char* out; };
  const Case cases[] = {
      {"hàng hoá", "hàng hóa"},
      {"Thành uỷ Bắc Kạn", "Thành ủy Bắc Kạn"},
      {"UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"},
      {"Uỷ viên", "Ủy viên"},
      {"thuỷ lợi, thuỳ dương", "thủy lợi, thùy dương"},
      {"chăm sóc sức khoẻ", "chăm sóc sức khỏe"},
      {"hoà bình, hoạ sĩ", "hòa bình, họa sĩ"},
      {"luỹ kế", "lũy kế"},          // UTF-8 length changes: ỹ is 3 bytes, ũ 2
      {"xoã tóc", "xõa tóc"},
      // Left alone: already the convention, closed syllables, qu + y.
      {"hàng hóa", "hàng hóa"},
      {"hoàn thành kế hoạch", "hoàn thành kế hoạch"},
      {"khuyến khích", "khuyến khích"},
      {"quý I/2023", "quý I/2023"},
      {"toán học", "toán học"},
  };
  for (const Case& c : cases) {
    std::string s = c.in;
    (*tn)->Apply(&s);
    CHECK(s == c.out);
  }
}

TEST_CASE("ToneNormalizer maps positions back across a length change", "[normalizers]") {
  auto tn = ToneNormalizer::Create();
  REQUIRE(tn.ok());
  std::string s = "luỹ kế 575 tỷ";
  std::string original = s;
  solieu::OffsetMap map;
  CHECK((*tn)->Apply(&s, &map) == 1);
  size_t at = s.find("575");
  CHECK(original.substr(map.ToOriginalStart(at), map.ToOriginalEnd(at + 3) - map.ToOriginalStart(at)) == "575");
}

TEST_CASE("ToneNormalizer finds a syllable wherever it falls among four-byte steps", "[normalizers]") {
  // The scan passes four bytes at a time that cannot start a rule: a
  // syllable at each offset from a step, and at the very end, is still found.
  auto tn = ToneNormalizer::Create();
  REQUIRE(tn.ok());
  for (int pad = 0; pad < 9; ++pad) {
    std::string prefix(pad, 'x');
    std::string s = prefix + " hoà " + prefix + "Uỷ";
    CHECK((*tn)->Apply(&s) == 2);
    CHECK(s == prefix + " hòa " + prefix + "Ủy");
  }
}
