#include "normalizers/text_normalizer.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>

#include "corpus/rules.h"

namespace solieu {

struct TextNormalizer::FurnitureRule {
  enum class Kind { kLine, kTail, kPublished } kind;
  std::shared_ptr<RE2> pattern;
  std::string where;
};

struct TextNormalizer::FurnitureSet {
  RE2::Set set{RE2::Options(), RE2::ANCHOR_BOTH};
};

TextNormalizer::~TextNormalizer() = default;

StatusOr<std::unique_ptr<TextNormalizer>> TextNormalizer::Create() {
  auto n = std::unique_ptr<TextNormalizer>(new TextNormalizer);
  auto tone = ToneNormalizer::Create();
  if (!tone.ok()) return tone.status();
  n->tone_ = std::move(*tone);

  auto chars = ReadTsvRules("normalizers/data/characters.tsv", 1);
  if (!chars.ok()) return chars.status();
  for (const TsvRow& row : *chars) {
    unsigned cp;
    if (std::sscanf(row.fields[0].c_str(), "%x", &cp) != 1) {
      return Status::Corrupt(row.where + ": expected a hex code point, found '" + row.fields[0] + "'");
    }
    std::string repl = row.fields.size() > 1 ? row.fields[1] : "";
    if (repl == "\\s") repl = " ";
    n->characters_[static_cast<int32_t>(cp)] = repl;
    char utf8[4] = {};
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(utf8, len, 4, static_cast<UChar32>(cp), error);
    if (error) return Status::Corrupt(row.where + ": not a Unicode code point: " + row.fields[0]);
    n->may_change_[static_cast<unsigned char>(utf8[0])] = true;
  }
  for (unsigned char c : {' ', '\t', '\r'}) n->may_change_[c] = true;

  auto furniture = ReadTsvRules("normalizers/data/furniture.tsv", 3);
  if (!furniture.ok()) return furniture.status();
  for (const TsvRow& row : *furniture) {
    FurnitureRule rule;
    const std::string& kind = row.fields[0];
    if (kind == "line") rule.kind = FurnitureRule::Kind::kLine;
    else if (kind == "tail") rule.kind = FurnitureRule::Kind::kTail;
    else if (kind == "published") rule.kind = FurnitureRule::Kind::kPublished;
    else return Status::Corrupt(row.where + ": unknown furniture kind '" + kind + "'");
    rule.pattern = std::make_shared<RE2>(row.fields[1]);
    if (!rule.pattern->ok()) return Status::Corrupt(row.where + ": bad pattern: " + rule.pattern->error());
    if (rule.kind == FurnitureRule::Kind::kPublished && rule.pattern->NumberOfCapturingGroups() != 3) {
      return Status::Corrupt(row.where + ": a published pattern needs 3 groups (day, month, year)");
    }
    if (!RE2::FullMatch(row.fields[2], *rule.pattern)) {
      return Status::Corrupt(row.where + ": pattern does not match its own example '" + row.fields[2] + "'");
    }
    rule.where = row.where;
    n->furniture_.push_back(std::move(rule));
  }
  n->any_furniture_ = std::make_unique<FurnitureSet>();
  for (const FurnitureRule& rule : n->furniture_) {
    std::string error;
    if (n->any_furniture_->set.Add(rule.pattern->pattern(), &error) < 0) {
      return Status::Corrupt(rule.where + ": pattern does not join the others: " + error);
    }
  }
  if (!n->furniture_.empty() && !n->any_furniture_->set.Compile()) {
    return Status::Corrupt("normalizers/data/furniture.tsv: patterns do not compile as a set");
  }
  return n;
}

namespace {

// ICU NFC over UTF-8, with the edits it made turned into an OffsetMap.
void Nfc(std::string_view in, std::string* out, OffsetMap* map) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  icu::StringPiece sp(in.data(), static_cast<int32_t>(in.size()));
  if (U_SUCCESS(err) && nfc->isNormalizedUTF8(sp, err) && U_SUCCESS(err)) {
    out->assign(in);
    *map = OffsetMap::Identity(static_cast<uint32_t>(in.size()));
    return;
  }
  err = U_ZERO_ERROR;
  out->clear();
  icu::StringByteSink<std::string> sink(out);
  icu::Edits edits;
  nfc->normalizeUTF8(0, sp, sink, &edits, err);
  if (U_FAILURE(err)) {  // Only on a bug or out of memory: keep the text as is.
    out->assign(in);
    *map = OffsetMap::Identity(static_cast<uint32_t>(in.size()));
    return;
  }
  *map = OffsetMap();
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(err)) {
    if (it.hasChange()) map->AppendReplace(it.oldLength(), it.newLength());
    else map->AppendCopy(it.oldLength());
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

NormalizedText TextNormalizer::Normalize(std::string_view original) const {
  NormalizedText result;
  std::string nfc;
  OffsetMap nfc_map;
  Nfc(original, &nfc, &nfc_map);

  // Second pass over the NFC text, line by line: furniture, characters, spaces.
  std::string& out = result.text;
  out.reserve(nfc.size());
  OffsetMap map;
  size_t pos = 0;
  bool tail = false;
  while (pos < nfc.size()) {
    size_t nl = nfc.find('\n', pos);
    size_t line_end = nl == std::string::npos ? nfc.size() : nl;
    std::string_view line(nfc.data() + pos, line_end - pos);
    std::string_view trimmed = Trim(line);
    bool drop = tail;
    std::vector<int> matching;  // the furniture rules that match the whole line, by their order
    if (!drop && !trimmed.empty() && trimmed.size() < 300 && !furniture_.empty()) {
      RE2::Set::ErrorInfo error;
      if (!any_furniture_->set.Match(trimmed, &matching, &error) && error.kind != RE2::Set::kNoError) {
        matching.resize(furniture_.size());  // the set ran out of memory: each rule alone
        for (size_t k = 0; k < matching.size(); ++k) matching[k] = static_cast<int>(k);
      }
      std::sort(matching.begin(), matching.end());
    }
    for (int index : matching) {
      const FurnitureRule& rule = furniture_[index];
      std::string d, m, y;
      bool hit = rule.kind == FurnitureRule::Kind::kPublished
                     ? RE2::FullMatch(trimmed, *rule.pattern, &d, &m, &y)
                     : RE2::FullMatch(trimmed, *rule.pattern);
      if (!hit) continue;
      if (rule.kind == FurnitureRule::Kind::kTail) tail = true;
      if (rule.kind == FurnitureRule::Kind::kPublished && !result.published) {
        char iso[16];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", std::stoi(y), std::stoi(m), std::stoi(d));
        result.published = iso;
      }
      drop = true;
      break;
    }
    if (drop) {
      ++result.furniture_lines;
      map.AppendReplace(static_cast<uint32_t>(line.size()), 0);
    } else {
      // Leading spaces go; inner runs collapse to one; trailing spaces go.
      // A space is held back until a non-space follows it on the same line.
      uint32_t pending_orig = 0;   // original bytes of held-back spaces
      bool pending_plain = false;  // exactly one ASCII space held back
      bool line_started = false;
      int32_t i = 0, n = static_cast<int32_t>(line.size());
      // Before a kept character: the held-back spaces become one space, or
      // nothing at the start of the line.
      auto flush_space = [&] {
        if (pending_orig) {
          if (!line_started) map.AppendReplace(pending_orig, 0);
          else if (pending_plain) { out.push_back(' '); map.AppendCopy(1); }
          else { out.push_back(' '); map.AppendReplace(pending_orig, 1); }
          pending_orig = 0;
        }
        line_started = true;
      };
      while (i < n) {
        if (!may_change_[static_cast<unsigned char>(line[i])]) {  // a run copied as is
          int32_t j = i + 1;
          while (true) {
            while (j < n && !may_change_[static_cast<unsigned char>(line[j])]) ++j;
            // One plain space between words is kept as it is: the run goes
            // on over it, as the copies it would have made merge anyway.
            if (j + 1 < n && line[j] == ' ' && !may_change_[static_cast<unsigned char>(line[j + 1])]) {
              j += 2;
              continue;
            }
            break;
          }
          flush_space();
          out.append(line.data() + i, j - i);
          map.AppendCopy(static_cast<uint32_t>(j - i));
          i = j;
          continue;
        }
        int32_t start = i;
        UChar32 c;
        U8_NEXT(line.data(), i, n, c);
        uint32_t len = static_cast<uint32_t>(i - start);
        const std::string* repl = nullptr;
        if (c >= 0x80 || c == '\t') {
          auto it = characters_.find(c);
          if (it != characters_.end()) repl = &it->second;
        }
        bool is_space = c == ' ' || c == '\r' || (repl && *repl == " ");
        if (is_space) {
          pending_plain = pending_orig == 0 && c == ' ';
          pending_orig += len;
          continue;
        }
        if (repl && repl->empty()) {  // removed character
          map.AppendReplace(len, 0);
          continue;
        }
        flush_space();
        if (repl) {
          out.append(*repl);
          map.AppendReplace(len, static_cast<uint32_t>(repl->size()));
        } else {
          out.append(line.data() + start, len);
          map.AppendCopy(len);
        }
      }
      if (pending_orig) map.AppendReplace(pending_orig, 0);
    }
    if (nl != std::string::npos) {
      out.push_back('\n');
      map.AppendCopy(1);
    }
    pos = line_end + (nl == std::string::npos ? 0 : 1);
  }
  OffsetMap tone_map;
  tone_->Apply(&out, &tone_map);
  result.map = nfc_map.Then(map).Then(tone_map);
  return result;
}

}  // namespace solieu
