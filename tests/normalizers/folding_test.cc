#include "normalizers/folding.h"

#include <catch2/catch.hpp>

TEST_CASE("Fold removes case and diacritics and turns đ into d", "[normalizers]") {
  CHECK(solieu::Fold("Tổng mức bán lẻ hàng hóa") == "tong muc ban le hang hoa");
  CHECK(solieu::Fold("ĐẢNG VIÊN") == "dang vien");
  CHECK(solieu::Fold("hoá") == solieu::Fold("hóa"));
  CHECK(solieu::Fold("Uỷ ban") == solieu::Fold("Ủy ban"));
  CHECK(solieu::Fold("Thu ngân sách 44,9%") == "thu ngan sach 44,9%");
}

TEST_CASE("Fold keeps ASCII punctuation and folds a malformed byte as one replacement", "[normalizers]") {
  CHECK(solieu::Fold("TP.HCM: 3.200/4.000 (80%)") == "tp.hcm: 3.200/4.000 (80%)");
  std::string malformed = "Thu \xC3 ng\xC3\xA2n";  // a lone lead byte before "ngân"
  CHECK(solieu::Fold(malformed) == solieu::Fold("Thu \xEF\xBF\xBD ngân"));
}

TEST_CASE("Fold grows the text where a character folds to more bytes than it has", "[normalizers]") {
  // Latin-ASCII spells ½ (2 bytes) as " 1/2" (4 bytes): a line of them,
  // with Vietnamese between, needs more room than the text it comes from.
  std::string text, expected;
  for (int i = 0; i < 300; ++i) {
    text += "Tăng ½ lần; ";
    expected += "tang  1/2 lan; ";
  }
  CHECK(solieu::Fold(text) == expected);
}

TEST_CASE("Fold folds ASCII capitals and Vietnamese letters wherever they fall among eight-byte steps", "[normalizers]") {
  // ASCII is folded eight bytes at a time up to the first other byte: each
  // offset of a letter of two or three bytes, and a malformed or a lone
  // trailing byte, must come out as folding one character at a time does.
  for (size_t lead = 0; lead < 9; ++lead) {
    for (const char* letter : {"Ạ", "Đ", "ư", "Ễ", "\xC3", "\xE1\xBA"}) {
      std::string text = std::string(lead, 'K') + "BAC KAN@[`{" + letter + "THU NGAN SACH" + letter;
      std::string folded = solieu::Fold(letter);  // alone: shorter than eight bytes
      std::string want = std::string(lead, 'k') + "bac kan@[`{" + folded + "thu ngan sach" + folded;
      INFO("lead " << lead);
      CHECK(solieu::Fold(text) == want);
    }
  }
  CHECK(solieu::Fold("KKKKKKKK") == "kkkkkkkk");
}
