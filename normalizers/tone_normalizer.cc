#include "normalizers/tone_normalizer.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "corpus/rules.h"

namespace solieu {
namespace {

std::string Upper(const std::string& s) {
  std::string out;
  icu::UnicodeString::fromUTF8(s).toUpper().toUTF8String(out);
  return out;
}

// Upper-cases the first code point only: "oá" → "Oá".
std::string Capitalize(const std::string& s) {
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return Upper(s.substr(0, i)) + s.substr(i);
}

bool IsLetterAt(const std::string& s, size_t pos) {
  if (pos >= s.size()) return false;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return c >= 0 && (u_isalpha(c) || u_getCombiningClass(c) != 0);
}

bool IsLetterBefore(const std::string& s, size_t pos, UChar32* prev) {
  if (pos == 0) return false;
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_PREV(s.data(), 0, i, c);
  *prev = c;
  return c >= 0 && u_isalpha(c);
}

}  // namespace

StatusOr<std::unique_ptr<ToneNormalizer>> ToneNormalizer::Create() {
  auto rows = ReadTsvRules("normalizers/data/tone_placement.tsv", 2);
  if (!rows.ok()) return rows.status();
  auto tn = std::unique_ptr<ToneNormalizer>(new ToneNormalizer);
  for (const TsvRow& row : *rows) {
    const std::string& from = row.fields[0];
    const std::string& to = row.fields[1];
    tn->rules_.push_back({from, to});
    tn->rules_.push_back({Capitalize(from), Capitalize(to)});
    tn->rules_.push_back({Upper(from), Upper(to)});
  }
  for (uint32_t k = 0; k < tn->rules_.size(); ++k) {
    const Rule& r = tn->rules_[k];
    if (r.from.size() < 2) return Status::Corrupt("normalizers/data/tone_placement.tsv: rule '" + r.from + "' is too short");
    tn->by_first_[static_cast<unsigned char>(r.from[0])].push_back(k);
    tn->first_[static_cast<unsigned char>(r.from[0])] = true;
    tn->second_[static_cast<unsigned char>(r.from[1])] = true;
  }
  return tn;
}

int ToneNormalizer::Apply(std::string* text, OffsetMap* map) const {
  int changed = 0;
  const std::string& s = *text;
  std::string out;
  size_t copied = 0;  // bytes of s already handled
  OffsetMap m;
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size(); ++i) {
    // Most bytes are not "o" or "u": four at a time past them.
    while (i + 4 <= s.size() && !(first_[bytes[i]] | first_[bytes[i + 1]] | first_[bytes[i + 2]] | first_[bytes[i + 3]])) {
      i += 4;
    }
    if (i >= s.size()) break;
    char c = s[i];
    if (!first_[static_cast<unsigned char>(c)] || i + 1 >= s.size() || !second_[static_cast<unsigned char>(s[i + 1])]) {
      continue;
    }
    for (uint32_t k : by_first_[static_cast<unsigned char>(c)]) {
      const Rule& r = rules_[k];
      if (r.from[1] != s[i + 1] || s.compare(i, r.from.size(), r.from) != 0) continue;
      if (IsLetterAt(s, i + r.from.size())) break;  // closed syllable: hoàn, khuyến
      UChar32 prev = 0;
      if ((c == 'u' || c == 'U') && IsLetterBefore(s, i, &prev) && (prev == 'q' || prev == 'Q')) break;
      if (changed == 0) out.reserve(s.size());
      out.append(s, copied, i - copied);
      m.AppendCopy(static_cast<uint32_t>(i - copied));
      out.append(r.to);
      m.AppendReplace(static_cast<uint32_t>(r.from.size()), static_cast<uint32_t>(r.to.size()));
      copied = i + r.from.size();
      ++changed;
      i += r.from.size() - 1;
      break;
    }
  }
  if (changed == 0) {
    if (map) *map = OffsetMap::Identity(static_cast<uint32_t>(s.size()));
    return 0;
  }
  out.append(s, copied, std::string::npos);
  m.AppendCopy(static_cast<uint32_t>(s.size() - copied));
  *text = std::move(out);
  if (map) *map = std::move(m);
  return changed;
}

}  // namespace solieu
