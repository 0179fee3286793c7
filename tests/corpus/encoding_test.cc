#include "corpus/encoding.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <catch2/catch.hpp>
#include <dirent.h>

#include <filesystem>

#include "corpus/rules.h"
#include "test_support.h"

using namespace solieu;

namespace {

std::string Nfc(const std::string& s, bool decompose = false) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = decompose ? icu::Normalizer2::getNFDInstance(err) : icu::Normalizer2::getNFCInstance(err);
  std::string out;
  n->normalize(icu::UnicodeString::fromUTF8(s), err).toUTF8String(out);
  return out;
}

// What an encoding can carry of `text`: typographic quotes, dashes and the
// ellipsis become ASCII; for TCVN3, toned capitals become lower case.
std::string Representable(const std::string& text, const std::string& enc) {
  std::string s = text;
  const std::pair<const char*, const char*> ascii[] = {{"\u201C", "\""}, {"\u201D", "\""}, {"\u2018", "'"},
                                                       {"\u2019", "'"}, {"\u2013", "-"}, {"\u2014", "-"},
                                                       {"\u2026", "..."}, {"\u00A0", " "}};
  for (auto [from, to] : ascii) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at)) s.replace(at, std::string(from).size(), to);
  }
  if (enc == "tcvn3") {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s), out;
    for (int32_t i = 0; i < u.length(); ++i) {
      UChar c = u.charAt(i);
      icu::UnicodeString d;
      UErrorCode err = U_ZERO_ERROR;
      bool toned_capital = u_isupper(c) && icu::Normalizer2::getNFDInstance(err)->getDecomposition(c, d) &&
                           d.indexOf(UChar(0x0300)) + d.indexOf(UChar(0x0301)) + d.indexOf(UChar(0x0303)) +
                                   d.indexOf(UChar(0x0309)) + d.indexOf(UChar(0x0323)) > -5;
      out.append(toned_capital ? UChar(u_tolower(c)) : c);
    }
    s.clear();
    out.toUTF8String(s);
  }
  return Nfc(s);
}

// Windows-1258 writes base letters with their vowel marks precomposed and the tone as a combining mark.
std::string ToCp1258(const std::string& nfc) {
  std::string nfd = Nfc(nfc, true);
  icu::UnicodeString d = icu::UnicodeString::fromUTF8(nfd), out, tones;
  auto flush = [&] { out.append(tones); tones.remove(); };
  for (int32_t i = 0; i < d.length(); ++i) {
    UChar c = d.charAt(i);
    if (c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323) { tones.append(c); continue; }
    if (u_getCombiningClass(c) == 0) flush();
    out.append(c);
  }
  flush();
  std::string partly;
  out.toUTF8String(partly);
  // Compose the non-tone marks back (â, ơ, ư, ă), keeping tones apart: NFC
  // would pull them in too, so compose letter by letter.
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfcn = icu::Normalizer2::getNFCInstance(err);
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(partly), result, cluster;
  auto emit = [&] {
    icu::UnicodeString base, tone;
    for (int32_t k = 0; k < cluster.length(); ++k) {
      UChar c = cluster.charAt(k);
      (c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323 ? tone : base).append(c);
    }
    result.append(nfcn->normalize(base, err)).append(tone);
    cluster.remove();
  };
  for (int32_t i = 0; i < src.length(); ++i) {
    if (u_getCombiningClass(src.charAt(i)) == 0) emit();
    cluster.append(src.charAt(i));
  }
  emit();
  int32_t len = result.extract(0, result.length(), nullptr, 0, "windows-1258");
  std::string bytes(len, '\0');
  result.extract(0, result.length(), bytes.data(), len, "windows-1258");
  return bytes;
}

std::vector<std::string> ArticleTexts() {
  std::vector<std::string> out;
  std::string dir = testing::SeedsDir();
  if (dir.empty()) {
    WARN("../shared/seeds is absent: round trips use corpus/samples only");
    dir = testing::SourcePath("corpus/samples");
  }
  DIR* d = opendir(dir.c_str());
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") out.push_back(testing::ReadFile(dir + "/" + name));
  }
  closedir(d);
  return out;
}

const EncodingDetector& Detector() {
  static auto d = EncodingDetector::Create();
  REQUIRE(d.ok());
  return **d;
}

}  // namespace

TEST_CASE("EncodingDetector round-trips every article through every table encoding and detects it", "[corpus]") {
  for (const std::string& text : ArticleTexts()) {
    for (const char* enc : {"viscii", "tcvn3", "vni-windows", "viqr"}) {
      std::string expected = Representable(text, enc);
      auto bytes = Detector().Encode(expected, enc);
      INFO(enc << ": " << expected.substr(0, 60) << " / " << (bytes.ok() ? "" : bytes.status().message()));
      REQUIRE(bytes.ok());
      auto decoded = Detector().Detect(*bytes, "article");
      REQUIRE(decoded.ok());
      CHECK(decoded->encoding == enc);
      CHECK(Nfc(decoded->text) == expected);
      CHECK(decoded->confidence > 0.2);
      auto forced = Detector().Decode(*bytes, enc);
      REQUIRE(forced.ok());
      CHECK(Nfc(*forced) == expected);
    }
  }
}

TEST_CASE("EncodingDetector reads Windows-1258 with combining tones and UTF-16 with a BOM", "[corpus]") {
  for (const std::string& text : ArticleTexts()) {
    std::string expected = Representable(text, "windows-1258");
    auto decoded = Detector().Detect(ToCp1258(expected), "article");
    REQUIRE(decoded.ok());
    CHECK(decoded->encoding == "windows-1258");
    CHECK(Nfc(decoded->text) == expected);

    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    std::string utf16 = "\xFF\xFE";
    for (int32_t i = 0; i < u.length(); ++i) {
      utf16.push_back(static_cast<char>(u.charAt(i) & 0xFF));
      utf16.push_back(static_cast<char>(u.charAt(i) >> 8));
    }
    auto d16 = Detector().Detect(utf16, "article");
    REQUIRE(d16.ok());
    CHECK(d16->encoding == "utf-16");
    CHECK(d16->text == text);
  }
}

TEST_CASE("EncodingDetector reads a word as Vietnamese only when its vowels make a syllable's", "[corpus]") {
  const EncodingDetector& d = Detector();
  for (const char* word : {"Thái", "Nguyên", "giữa", "quốc", "khuỷu", "rượu", "thuở", "soóc", "gì", "Ủy", "uỷ"}) {
    INFO(word);
    CHECK(d.VietnameseScore(word) == 1.0);
  }
  // Windows-1258's "Thái" (a, then the acute as its own byte) read as
  // VISCII, whose byte there is "ì": letters and one tone, but no syllable.
  CHECK(d.VietnameseScore("Thaìi") == 0.0);
  CHECK(d.VietnameseScore("Thaìi Nguyên") == 0.5);
  CHECK(d.VietnameseScore("tiềnđạt") == 0.0);  // two syllables run together
  CHECK(d.VietnameseScore("HĐND tỉnh, 1.000 đ") == 1.0);  // abbreviations without a vowel pass as before
}

TEST_CASE("EncodingDetector tells Windows-1258 from VISCII in a report of a kilobyte", "[corpus]") {
  // Read as VISCII, 9 words in 10 of this report had passed as Vietnamese
  // (Vietnamese letters, one tone each), too close to tell apart.
  std::string text = testing::ReadFile(testing::SourcePath("corpus/samples/thai-nguyen-2023-9-thang.txt"));
  std::string expected = Representable(text, "windows-1258");
  auto decoded = Detector().Detect(ToCp1258(expected), "thai-nguyen-2023-9-thang.txt");
  REQUIRE(decoded.ok());
  CHECK(decoded->encoding == "windows-1258");
  CHECK(decoded->confidence > 0.5);
  CHECK(Nfc(decoded->text) == expected);
}

TEST_CASE("EncodingDetector leaves UTF-8 and plain ASCII alone", "[corpus]") {
  auto a = Detector().Detect("Tổng mức bán lẻ đạt 3.200 tỷ đồng", "a");
  REQUIRE(a.ok());
  CHECK(a->encoding == "utf-8");
  auto b = Detector().Detect("Revenue reached 3,200 billion dong (up 13%). Add the odd word.", "b");
  REQUIRE(b.ok());
  CHECK(b->encoding == "utf-8");
}

TEST_CASE("EncodingDetector refuses to guess and names the file", "[corpus]") {
  std::string garbage;
  for (int b = 0x80; b <= 0xFF; ++b) garbage.push_back(static_cast<char>(b));
  auto r = Detector().Detect(garbage, "scan.txt");
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.status().message(), Catch::Contains("scan.txt") && Catch::Contains("--encoding"));
  CHECK_FALSE(Detector().Decode("abc", "koi8-r").ok());
}

TEST_CASE("Mixed tone placement from a legacy file normalizes to one convention", "[corpus]") {
  auto bytes = Detector().Encode(Nfc("Thành uỷ chỉ đạo; Thành ủy chỉ đạo; hàng hoá và hàng hóa"), "vni-windows");
  REQUIRE(bytes.ok());
  auto doc = testing::AnalyzeText(*Detector().Decode(*bytes, "vni-windows"));
  CHECK(doc.normalized == "Thành ủy chỉ đạo; Thành ủy chỉ đạo; hàng hóa và hàng hóa");
}

TEST_CASE("EncodingDetector names the file and line of a bad table row or vowel run in the rules", "[corpus]") {
  struct Case { const char* file; const char* contents; const char* expected; };
  const Case cases[] = {
      {"corpus/data/viscii.tsv", "# bytes\tcode point\n02\tU+1EB2\n\tU+1EB4\n", "viscii.tsv:3: no byte sequence"},
      {"corpus/data/vowel_clusters.tsv", "# vowels\na\nấ\n", "vowel_clusters.tsv:3: expected lower-case vowels without tones"},
  };
  for (const Case& c : cases) {
    testing::TempDir tmp;
    std::filesystem::create_directories(tmp.Path("corpus/data"));
    testing::WriteFile(tmp.Path(c.file), c.contents);
    SetRuleDataDir(tmp.path());
    auto d = EncodingDetector::Create();
    SetRuleDataDir("");
    INFO(c.file);
    REQUIRE_FALSE(d.ok());
    CHECK_THAT(d.status().message(), Catch::Contains(c.expected));
  }
}
