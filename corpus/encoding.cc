#include "corpus/encoding.h"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "corpus/rules.h"
#include "corpus/utf8.h"

namespace solieu {
namespace {

std::string Utf8Of(UChar32 c) {
  std::string s;
  icu::UnicodeString(c).toUTF8String(s);
  return s;
}

StatusOr<std::string> IcuDecode(std::string_view bytes, const char* converter) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), converter);
  (void)err;
  if (u.isBogus()) return Status::InvalidInput(std::string("cannot decode as ") + converter);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// ICU NFC of UTF-8 (Windows-1258 decodes to combining tone marks).
std::string Nfc(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  icu::UnicodeString n = nfc->normalize(u, err);
  std::string out;
  n.toUTF8String(out);
  return out;
}

// Vietnamese's five tone marks, as combining characters: grave, acute,
// tilde, hook above, dot below.
bool IsToneMark(UChar32 c) { return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323; }

// Tone of a precomposed Vietnamese vowel: its canonical decomposition holds
// one of the five tone marks.
bool HasTone(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  icu::UnicodeString d;
  if (!nfd->getDecomposition(c, d)) return false;
  for (int32_t i = 0; i < d.length(); ++i) {
    if (IsToneMark(d.charAt(i))) return true;
  }
  return false;
}

// A letter lower-cased and without its tone mark ("Ấ" → "â", "ữ" → "ư"),
// as vowel_clusters.tsv writes them.
UChar32 BaseLetterOf(UChar32 c) {
  c = u_tolower(c);
  if (c < 0x80) return c;
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  icu::UnicodeString d;
  if (!icu::Normalizer2::getNFDInstance(err)->getDecomposition(c, d)) return c;
  icu::UnicodeString kept;
  for (int32_t i = 0; i < d.length(); ++i) {
    if (!IsToneMark(d.charAt(i))) kept.append(d.charAt(i));
  }
  icu::UnicodeString base = nfc->normalize(kept, err);
  return U_SUCCESS(err) && base.countChar32() == 1 ? base.char32At(0) : c;
}

// The same, from a table below U+2000 (every Vietnamese letter), made at
// first use: detection asks it of every letter of every candidate decoding.
UChar32 BaseLetter(UChar32 c) {
  static const std::vector<UChar32> kBelow2000 = [] {
    std::vector<UChar32> t(0x2000);
    for (UChar32 k = 0; k < 0x2000; ++k) t[k] = BaseLetterOf(k);
    return t;
  }();
  return c >= 0 && c < 0x2000 ? kBelow2000[c] : BaseLetterOf(c);
}

bool IsVietnameseLetter(UChar32 c) {
  if (c < 0x80) return false;
  if (c == 0x0110 || c == 0x0111 || c == 0x0102 || c == 0x0103 || c == 0x01A0 || c == 0x01A1 ||
      c == 0x01AF || c == 0x01B0) return true;
  if ((c >= 0x00C0 && c <= 0x00FD) || (c >= 0x1EA0 && c <= 0x1EF9) || c == 0x0128 || c == 0x0129 ||
      c == 0x0168 || c == 0x0169) {
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeString d;
    icu::Normalizer2::getNFDInstance(err)->getDecomposition(c, d);
    return d.length() > 0 && d.charAt(0) < 0x80 && std::string("aeiouyAEIOUY").find(char(d.charAt(0))) != std::string::npos;
  }
  return false;
}

}  // namespace

const std::vector<std::string>& EncodingDetector::Names() {
  static const std::vector<std::string> kNames = {"utf-8", "utf-16", "windows-1258", "viscii",
                                                  "tcvn3", "vni-windows", "viqr"};
  return kNames;
}

StatusOr<std::shared_ptr<const EncodingDetector>> EncodingDetector::Create() {
  auto d = std::make_shared<EncodingDetector>();
  const std::pair<const char*, const char*> files[] = {{"viscii", "corpus/data/viscii.tsv"},
                                                       {"tcvn3", "corpus/data/tcvn3.tsv"},
                                                       {"vni-windows", "corpus/data/vni_windows.tsv"},
                                                       {"viqr", "corpus/data/viqr.tsv"}};
  auto clusters = ReadTsvRules("corpus/data/vowel_clusters.tsv", 1);
  if (!clusters.ok()) return clusters.status();
  for (const TsvRow& row : *clusters) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(row.fields[0]);
    std::u32string vowels;
    for (int32_t k = 0; k < u.length(); k = u.moveIndex32(k, 1)) {
      UChar32 c = u.char32At(k);
      if (!u_isalpha(c) || BaseLetter(c) != c) {
        return Status::Corrupt(row.where + ": expected lower-case vowels without tones, found '" + row.fields[0] + "'");
      }
      vowels.push_back(static_cast<char32_t>(c));
      d->vowels_.insert(static_cast<char32_t>(c));  // the vowels are the letters the runs are made of
    }
    d->vowel_clusters_.insert(vowels);
  }
  for (auto [name, file] : files) {
    auto rows = ReadTsvRules(file, 2);
    if (!rows.ok()) return rows.status();
    Table& t = d->tables_[name];
    std::map<std::string, std::string> to_utf8;  // the first row of a sequence wins
    for (const TsvRow& row : *rows) {
      std::string seq;
      if (std::string(name) == "viqr") {
        seq = row.fields[0];
      } else {
        unsigned b;
        for (size_t pos = 0; pos < row.fields[0].size(); pos += 3) {
          if (std::sscanf(row.fields[0].c_str() + pos, "%2x", &b) != 1) {
            return Status::Corrupt(row.where + ": expected hex bytes, found '" + row.fields[0] + "'");
          }
          seq.push_back(static_cast<char>(b));
        }
      }
      unsigned cp;
      if (std::sscanf(row.fields[1].c_str(), "U+%x", &cp) != 1) {
        return Status::Corrupt(row.where + ": expected a code point U+XXXX, found '" + row.fields[1] + "'");
      }
      if (seq.empty()) return Status::Corrupt(row.where + ": no byte sequence before the code point");
      std::string ch = Utf8Of(static_cast<UChar32>(cp));
      to_utf8.emplace(seq, ch);
      t.from_utf8.emplace(ch, seq);
    }
    for (const auto& [seq, ch] : to_utf8) t.by_first[static_cast<unsigned char>(seq[0])].push_back({seq, ch});
    for (auto& sequences : t.by_first) {
      std::stable_sort(sequences.begin(), sequences.end(),
                       [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    }
  }
  return std::shared_ptr<const EncodingDetector>(std::move(d));
}

StatusOr<std::string> EncodingDetector::DecodeTable(std::string_view bytes, const Table& t, bool viqr) const {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (size_t i = 0; i < bytes.size();) {
    if (viqr && bytes[i] == '\\' && i + 1 < bytes.size() && std::string("`'?~.^(+").find(bytes[i + 1]) != std::string::npos) {
      out.push_back(bytes[i + 1]);  // escaped mark: literal
      i += 2;
      continue;
    }
    // The longest sequence the table knows at i (at most one of each length can be there).
    bool matched = false;
    for (const auto& [seq, ch] : t.by_first[static_cast<unsigned char>(bytes[i])]) {
      if (bytes.compare(i, seq.size(), seq) != 0) continue;
      // VIQR: lower-case "dd" only at the start of a word, so "add" stays
      // "add"; "DD" anywhere ("HDDND" is HĐND).
      if (viqr && seq.size() == 2 && bytes[i] == 'd' && i > 0 && std::isalpha(static_cast<unsigned char>(bytes[i - 1]))) continue;
      out += ch;
      i += seq.size();
      matched = true;
      break;
    }
    if (matched) continue;
    unsigned char b = bytes[i];
    if (b < 0x80) out.push_back(static_cast<char>(b));
    else out += Utf8Of(b);  // not in the table: read as Latin-1 and let scoring judge
    ++i;
  }
  return out;
}

StatusOr<std::string> EncodingDetector::Decode(std::string_view bytes, std::string_view enc) const {
  if (enc == "utf-8") {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    size_t bad = FindInvalidUtf8(bytes);
    if (bad != std::string_view::npos) return Status::InvalidInput("invalid UTF-8 at byte " + std::to_string(bad));
    return std::string(bytes);
  }
  if (enc == "utf-16") return IcuDecode(bytes, "UTF-16");
  if (enc == "windows-1258") return IcuDecode(bytes, "windows-1258");
  auto it = tables_.find(std::string(enc));
  if (it == tables_.end()) {
    std::string names;
    for (const auto& n : Names()) names += (names.empty() ? "" : ", ") + n;
    return Status::Usage("unknown encoding '" + std::string(enc) + "' (known: " + names + ")");
  }
  return DecodeTable(bytes, it->second, enc == "viqr");
}

StatusOr<std::string> EncodingDetector::Encode(std::string_view utf8, std::string_view enc) const {
  auto it = tables_.find(std::string(enc));
  if (it == tables_.end()) return Status::Usage("no table for encoding '" + std::string(enc) + "'");
  const Table& t = it->second;
  std::string out;
  bool after_letter = false;
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(utf8.data(), i, n, c);
    std::string ch(utf8.substr(start, i - start));
    bool was_after_letter = after_letter;
    after_letter = c >= 0 && u_isalpha(c);
    if (c < 0x80) {
      if (enc == "viqr" && was_after_letter && std::string("`'?~.^(+").find(static_cast<char>(c)) != std::string::npos) {
        out.push_back('\\');  // a mark character after a letter would read as a mark
      }
      if (enc == "viqr" && ((c == 'd' && i < n && utf8[i] == 'd' && !was_after_letter) ||
                            (c == 'D' && i < n && utf8[i] == 'D'))) {
        return Status::InvalidInput("VIQR cannot write a word starting with 'dd'");
      }
      out.push_back(static_cast<char>(c));
      continue;
    }
    auto m = t.from_utf8.find(ch);
    if (m == t.from_utf8.end()) return Status::InvalidInput(std::string(enc) + " cannot represent '" + ch + "'");
    out += m->second;
  }
  return out;
}

double EncodingDetector::VietnameseScore(std::string_view s) const {
  // Per word that holds non-ASCII letters: Vietnamese when every non-ASCII
  // character is a Vietnamese letter, it carries at most one tone, and its
  // vowels make one run that a syllable may hold.
  int words = 0, good = 0, stray = 0;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  bool in_word = false, word_non_ascii = false, word_ok = true;
  int tones = 0;
  std::u32string letters;  // the word's, lower case, without tones
  auto syllable = [&] {
    // "gi" and "qu" before a vowel are consonants: their i and u are no vowel.
    auto is_vowel = [&](char32_t c) { return vowels_.count(c) > 0; };
    const bool gi_qu = letters.size() > 2 && is_vowel(letters[2]) &&
                       ((letters[0] == U'g' && letters[1] == U'i') || (letters[0] == U'q' && letters[1] == U'u'));
    std::u32string vowels;
    bool run_ended = false;
    for (size_t k = gi_qu ? 2 : 0; k < letters.size(); ++k) {
      if (!is_vowel(letters[k])) { run_ended = !vowels.empty(); continue; }
      if (run_ended) return false;  // two runs of vowels: two syllables run together, or no word
      vowels.push_back(letters[k]);
    }
    // No vowel at all: an abbreviation ("HĐND", "đ" for đồng), read as before.
    return vowels.empty() || vowel_clusters_.count(vowels) > 0;
  };
  auto end_word = [&] {
    if (in_word && word_non_ascii) {
      ++words;
      if (word_ok && tones <= 1 && syllable()) ++good;
    }
    in_word = word_non_ascii = false;
    word_ok = true;
    tones = 0;
    letters.clear();
  };
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) { ++stray; end_word(); continue; }
    bool letter = u_isalpha(c) || u_getCombiningClass(c) != 0;
    if (!letter && c >= 0x80 && !u_isspace(c) && !u_ispunct(c)) ++stray;
    if (!letter) { end_word(); continue; }
    in_word = true;
    letters.push_back(static_cast<char32_t>(BaseLetter(c)));
    if (c >= 0x80) {
      word_non_ascii = true;
      if (!IsVietnameseLetter(c)) word_ok = false;
      if (HasTone(c)) ++tones;
    }
  }
  end_word();
  if (words == 0) return 0;
  return static_cast<double>(good) / (words + stray);
}

StatusOr<DecodedText> EncodingDetector::Detect(std::string_view bytes, const std::string& source) const {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    auto t = Decode(bytes, "utf-16");
    if (!t.ok()) return Status::InvalidInput(source + ": " + t.status().message());
    return DecodedText{*t, "utf-16", 1};
  }
  if (FindInvalidUtf8(bytes) == std::string_view::npos) {
    auto t = Decode(bytes, "utf-8");
    bool ascii = std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {
      // Pure ASCII may be VIQR: it reads as Vietnamese only when decoded.
      auto v = Decode(bytes, "viqr");
      double plain = 0, viqr = VietnameseScore(*v);
      size_t marked = 0;
      for (size_t k = 1; k + 1 < bytes.size(); ++k) {
        if (std::string("^(+").find(bytes[k]) != std::string::npos && std::isalpha(static_cast<unsigned char>(bytes[k - 1]))) ++marked;
      }
      if (viqr > 0.8 && marked * 50 >= bytes.size() / 5) return DecodedText{*v, "viqr", viqr - plain};
    }
    return DecodedText{*t, "utf-8", 1};
  }
  struct Candidate { std::string name; std::string text; double score; };
  std::vector<Candidate> cands;
  for (const char* name : {"windows-1258", "viscii", "tcvn3", "vni-windows"}) {
    auto t = Decode(bytes, name);
    if (!t.ok()) continue;
    std::string nfc = Nfc(*t);
    cands.push_back({name, std::move(*t), VietnameseScore(nfc)});
  }
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  if (cands.empty()) return Status::InvalidInput(source + ": not UTF-8 and no Vietnamese encoding decodes it");
  double margin = cands.size() > 1 ? cands[0].score - cands[1].score : cands[0].score;
  if (cands[0].score < 0.6 || margin < 0.1) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s (%.2f) or %s (%.2f)", cands[0].name.c_str(), cands[0].score,
                  cands.size() > 1 ? cands[1].name.c_str() : "none", cands.size() > 1 ? cands[1].score : 0.0);
    return Status::InvalidInput(source + ": not UTF-8, and its encoding cannot be told apart: " + buf +
                                "; name it with --encoding");
  }
  return DecodedText{std::move(cands[0].text), cands[0].name, std::min(1.0, margin * 2)};
}

}  // namespace solieu
