#include "extractors/text_scan.h"

#include <catch2/catch.hpp>

using solieu::Lower;
using solieu::LowerSameLength;

TEST_CASE("Lower lower-cases Vietnamese capitals and ASCII alike", "[extractors]") {
  CHECK(Lower("UBND TỈNH BẮC KẠN") == "ubnd tỉnh bắc kạn");
  CHECK(Lower("Thành Ủy Đề Ra 07 Mục Tiêu") == "thành ủy đề ra 07 mục tiêu");
  CHECK(Lower("3.200 TỶ ĐỒNG, 108.6%") == "3.200 tỷ đồng, 108.6%");
}

TEST_CASE("Lower keeps malformed bytes as they are", "[extractors]") {
  std::string text = "ĐẠT \xC3 575";
  CHECK(Lower(text) == "đạt \xC3 575");
}

TEST_CASE("LowerSameLength returns the text unchanged when lower case would change its length", "[extractors]") {
  CHECK(LowerSameLength("Đạt 99%") == "đạt 99%");
  CHECK(LowerSameLength("İzmir Đạt") == "İzmir Đạt");  // İ lower-cases to one byte fewer
}
