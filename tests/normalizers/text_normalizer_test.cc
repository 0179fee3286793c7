#include "normalizers/text_normalizer.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "corpus/rules.h"
#include "test_support.h"

using solieu::TextNormalizer;

namespace {
const TextNormalizer& Normalizer() {
  static auto n = TextNormalizer::Create();
  REQUIRE(n.ok());
  return **n;
}

// The original bytes a normalized range maps back to.
std::string Back(const solieu::NormalizedText& n, const std::string& original, size_t b, size_t e) {
  uint32_t ob = n.map.ToOriginalStart(b), oe = n.map.ToOriginalEnd(e);
  return original.substr(ob, oe - ob);
}
}  // namespace

TEST_CASE("TextNormalizer composes decomposed Vietnamese (NFD) to NFC", "[normalizers]") {
  // "Tổng mức" written with combining marks: o + U+0302 + U+0309, u + U+031B + U+0301.
  std::string nfd = "To\xCC\x82\xCC\x89ng mu\xCC\x9B\xCC\x81" "c 3.200 ty\xCC\x89";
  auto n = Normalizer().Normalize(nfd);
  CHECK(n.text == "Tổng mức 3.200 tỷ");
  size_t at = n.text.find("3.200 tỷ");
  CHECK(Back(n, nfd, at, n.text.size()) == "3.200 ty\xCC\x89");
}

TEST_CASE("TextNormalizer drops site furniture and keeps paragraphs apart", "[normalizers]") {
  std::string page =
      "Loading the player...\n"
      "Đánh giá của bạn về cổng thông tin điện tử\n"
      "147 người đã bình chọn\n"
      "0 người đang online\n"
      "\n"
      "Đăng ngày 06 - 08 - 2020\n"
      "100%\n"
      "\n"
      "Đảng bộ có 4.284 đảng viên.\n"
      "0:00 / 0:00\n"
      "Xem thêm\n"
      "Tin mới nhất\n"
      "Triển khai kế hoạch trồng rừng năm 2022(12/01/2022 3:58 CH)\n";
  auto n = Normalizer().Normalize(page);
  CHECK(n.text.find("Loading") == std::string::npos);
  CHECK(n.text.find("bình chọn") == std::string::npos);
  CHECK(n.text.find("100%") == std::string::npos);
  CHECK(n.text.find("0:00") == std::string::npos);
  CHECK(n.text.find("Xem thêm") == std::string::npos);
  CHECK(n.text.find("trồng rừng") == std::string::npos);  // the trailing link list
  CHECK(n.text.find("Đảng bộ có 4.284 đảng viên.") != std::string::npos);
  CHECK(n.published == std::optional<std::string>("2020-08-06"));
  CHECK(n.furniture_lines == 10);
  size_t at = n.text.find("4.284");
  CHECK(Back(n, page, at, at + 5) == "4.284");
}

TEST_CASE("TextNormalizer lets the first furniture rule in the file that matches a line decide", "[normalizers]") {
  // Two rules match "Đăng ngày 06 - 08 - 2020" (rules given with --data-dir):
  // whichever comes first says whether its date is read.
  const std::string published = "published\t(?:Đăng ngày) (\\d{1,2}) - (\\d{1,2}) - (\\d{4})\tĐăng ngày 06 - 08 - 2020\tdate\n";
  const std::string line = "line\tĐăng ngày .*\tĐăng ngày 1\tany line that opens so\n";
  const std::string page = "Đăng ngày 06 - 08 - 2020\nĐảng bộ có 4.284 đảng viên.\n";
  for (bool published_first : {true, false}) {
    solieu::testing::TempDir tmp;
    std::filesystem::create_directories(tmp.Path("normalizers/data"));
    solieu::testing::WriteFile(tmp.Path("normalizers/data/furniture.tsv"),
                               "# kind\tpattern\texample\twhy\n" + (published_first ? published + line : line + published));
    solieu::SetRuleDataDir(tmp.path());
    auto n = TextNormalizer::Create();
    solieu::SetRuleDataDir("");
    REQUIRE(n.ok());
    auto out = (*n)->Normalize(page);
    INFO("published rule first: " << published_first);
    CHECK(out.furniture_lines == 1);
    CHECK(out.published == (published_first ? std::optional<std::string>("2020-08-06") : std::nullopt));
  }
}

TEST_CASE("TextNormalizer unifies spaces, dashes and quotes", "[normalizers]") {
  std::string in = "kinh tế \xE2\x80\x93 xã hội\xC2\xA0đạt\xE2\x80\x8B 3.200  tỷ đồng; \xE2\x80\x9CMỗi xã\xE2\x80\x9D  ";
  auto n = Normalizer().Normalize(in);
  CHECK(n.text == "kinh tế - xã hội đạt 3.200 tỷ đồng; \"Mỗi xã\"");
  size_t at = n.text.find("3.200 tỷ");
  CHECK(Back(n, in, at, at + std::string("3.200 tỷ").size()) == "3.200  tỷ");
}

TEST_CASE("TextNormalizer applies the tone-placement convention", "[normalizers]") {
  auto n = Normalizer().Normalize("Thành uỷ chỉ đạo phát triển hàng hoá.");
  CHECK(n.text == "Thành ủy chỉ đạo phát triển hàng hóa.");
}

TEST_CASE("TextNormalizer leaves clean NFC text byte for byte", "[normalizers]") {
  std::string in = "Tổng mức bán lẻ hàng hóa đạt 3.200 tỷ đồng.\nThu ngân sách đạt 44,9% dự toán.";
  auto n = Normalizer().Normalize(in);
  CHECK(n.text == in);
  CHECK(n.map.IsIdentity());
}

TEST_CASE("TextNormalizer maps each word back to its own bytes among single, doubled and odd spaces", "[normalizers]") {
  // Single spaces are copied with the words around them, other runs are
  // rewritten: the words on either side must still map back exactly.
  std::string in = "  Tổng thu ngân  sách\xC2\xA0ước đạt 575, tỷ đồng \t bằng 108.6% dự toán.  \nThu  ngân sách a b c";
  auto n = Normalizer().Normalize(in);
  CHECK(n.text == "Tổng thu ngân sách ước đạt 575, tỷ đồng bằng 108.6% dự toán.\nThu ngân sách a b c");
  size_t wrong = 0, words = 0;
  for (size_t b = 0; b < n.text.size();) {
    size_t e = n.text.find_first_of(" \n", b);
    if (e == std::string::npos) e = n.text.size();
    if (e > b) {
      ++words;
      wrong += Back(n, in, b, e) != n.text.substr(b, e - b);
    }
    b = e + 1;
  }
  CHECK(words == 19);
  CHECK(wrong == 0);
}
