#include "normalizers/sentence_splitter.h"

#include <catch2/catch.hpp>

using solieu::SentenceSplitter;

namespace {
std::vector<std::string> Split(const std::string& text) {
  auto s = SentenceSplitter::Create();
  REQUIRE(s.ok());
  std::vector<std::string> out;
  for (auto sp : (*s)->Split(text)) out.push_back(text.substr(sp.begin, sp.end - sp.begin));
  return out;
}
}  // namespace

TEST_CASE("SentenceSplitter does not break inside abbreviations and numbers", "[normalizers]") {
  auto s = Split("Đảng bộ TP. Bắc Kạn có 4.284 đảng viên. TP.HCM đạt 3.200 tỷ đồng, v.v. Theo ThS. Nguyễn Văn A, kết quả tốt.");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Đảng bộ TP. Bắc Kạn có 4.284 đảng viên.");
  CHECK(s[1] == "TP.HCM đạt 3.200 tỷ đồng, v.v.");
  CHECK(s[2] == "Theo ThS. Nguyễn Văn A, kết quả tốt.");
}

TEST_CASE("SentenceSplitter ends a sentence at a line break and trims it", "[normalizers]") {
  auto s = Split("Tin mới\n\n  Tổng mức bán lẻ đạt 2.400 tỷ đồng  \nTrồng rừng đạt 108% kế hoạch");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Tin mới");
  CHECK(s[1] == "Tổng mức bán lẻ đạt 2.400 tỷ đồng");
  CHECK(s[2] == "Trồng rừng đạt 108% kế hoạch");
}

TEST_CASE("SentenceSplitter keeps offsets inside the text past malformed bytes", "[normalizers]") {
  // Regression: a UTF-16/UTF-8 offset walk that drifted on malformed input read past the end.
  std::string text = "Thu ng\xE2n s\xE1" "ch \xF0\x9F. Kết nạp 450 đảng viên.\xC3";
  auto s = SentenceSplitter::Create();
  REQUIRE(s.ok());
  auto spans = (*s)->Split(text);
  REQUIRE_FALSE(spans.empty());
  for (auto sp : spans) {
    CHECK(sp.begin < sp.end);
    CHECK(sp.end <= text.size());
  }
  bool found = false;
  for (auto sp : spans) found |= text.substr(sp.begin, sp.end - sp.begin).find("Kết nạp 450") != std::string::npos;
  CHECK(found);
}

TEST_CASE("SentenceSplitter ends a sentence after an acronym such as HTX.", "[normalizers]") {
  // Regression: the suppression "TX." (thị xã) also matched the end of "HTX.".
  auto s = Split("Nâng tổng số lên 53 HTX và 01 chi nhánh HTX. Thực hiện Chương trình OCOP năm 2023.");
  REQUIRE(s.size() == 2);
  CHECK(s[1] == "Thực hiện Chương trình OCOP năm 2023.");
}

TEST_CASE("SentenceSplitter ends a sentence whose full stop lost its space", "[normalizers]") {
  auto s = Split("Xã Dương Quang thêm 8 tiêu chí, Nông Thượng 7 tiêu chí.Tổng thu ngân sách đạt 96% kế hoạch. "
                 "Tp.Hồ Chí Minh và TP.Bắc Kạn giữ nguyên.");
  REQUIRE(s.size() == 3);
  CHECK(s[0] == "Xã Dương Quang thêm 8 tiêu chí, Nông Thượng 7 tiêu chí.");
  CHECK(s[1] == "Tổng thu ngân sách đạt 96% kế hoạch.");
  CHECK(s[2] == "Tp.Hồ Chí Minh và TP.Bắc Kạn giữ nguyên.");
}

TEST_CASE("SentenceSplitter ends a sentence before one that opens with a number", "[normalizers]") {
  auto s = Split("97% đảng viên hoàn thành nhiệm vụ, trong đó hoàn thành tốt nhiệm vụ là 85%. 100% cơ quan hành chính có cơ cấu công chức phù hợp.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].ends_with("là 85%."));
  CHECK(s[1].starts_with("100% cơ quan"));
}

TEST_CASE("SentenceSplitter maps sentences back to their bytes past characters outside the BMP", "[normalizers]") {
  // "📈" is two UTF-16 units but four UTF-8 bytes: the offsets after it must not drift.
  std::string text = "📈 Thu ngân sách đạt 575 tỷ đồng. Chi thường xuyên đạt 400 tỷ đồng.";
  auto s = SentenceSplitter::Create();
  REQUIRE(s.ok());
  auto spans = (*s)->Split(text);
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "📈 Thu ngân sách đạt 575 tỷ đồng.");
  CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "Chi thường xuyên đạt 400 tỷ đồng.");
}
