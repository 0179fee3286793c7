#include "normalizers/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstring>

#include "corpus/rules.h"
#include "normalizers/code_points.h"

namespace solieu {

SentenceSplitter::~SentenceSplitter() = default;

StatusOr<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create() {
  auto rows = ReadTsvRules("normalizers/data/abbreviations.tsv", 1);
  if (!rows.ok()) return rows.status();
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(icu::Locale("vi"), err));
  if (U_FAILURE(err)) return Status::Corrupt(std::string("ICU sentence iterator: ") + u_errorName(err));
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createEmptyInstance(err));
  for (const TsvRow& row : *rows) {
    builder->suppressBreakAfter(icu::UnicodeString::fromUTF8(row.fields[0]), err);
  }
  auto s = std::unique_ptr<SentenceSplitter>(new SentenceSplitter);
  s->breaker_.reset(builder->wrapIteratorWithFilter(base.release(), err));
  if (U_FAILURE(err)) return Status::Corrupt(std::string("ICU filtered break iterator: ") + u_errorName(err));
  return s;
}

std::vector<SentenceSpan> SentenceSplitter::Split(std::string_view text) {
  // UTF-16 for ICU (twice as fast as UText over UTF-8), built by hand so that
  // every UTF-16 offset knows its UTF-8 offset, even past a malformed byte.
  u16_.resize(text.size());
  u8_at_.resize(text.size() + 1);
  char16_t* u16 = u16_.data();
  uint32_t* u8_at = u8_at_.data();
  int32_t i = 0, n = static_cast<int32_t>(text.size()), k = 0;
  while (i < n) {
    int32_t start = i;
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // most bytes: ASCII
      u16[k] = static_cast<char16_t>(text[i++]);
      u8_at[k++] = static_cast<uint32_t>(start);
      continue;
    }
    UChar32 c;
    U8_NEXT_OR_FFFD(text.data(), i, n, c);
    if (U_IS_BMP(c)) {
      u16[k] = static_cast<char16_t>(c);
    } else {  // 4 bytes in, 2 units out: room enough
      u16[k] = U16_LEAD(c);
      u8_at[k++] = static_cast<uint32_t>(start);
      u16[k] = U16_TRAIL(c);
    }
    u8_at[k++] = static_cast<uint32_t>(start);
  }
  u8_at[k] = static_cast<uint32_t>(text.size());
  icu::UnicodeString u(false, u16, k);  // read-only alias, no copy
  std::vector<SentenceSpan> out;
  breaker_->setText(u);
  int32_t start = breaker_->first();
  for (int32_t end = breaker_->next(); end != icu::BreakIterator::DONE; start = end, end = breaker_->next()) {
    uint32_t b = u8_at_[start], e = u8_at_[end];
    while (b < e && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\t')) --e;
    if (e > b) SplitRunTogether(text, b, e, &out);
  }
  return out;
}

// Scraped pages often lose the space after a full stop ("… Nông Thượng 7 tiêu
// chí.Tổng thu ngân sách …"), which ICU does not take for a boundary. A stop
// between an all-lowercase word and a capital ends a sentence too; "TP.Bắc
// Kạn", "Tp.HCM" and "3.200" keep theirs, the word before being capitalised
// or a number. ICU also lets "… là 85%. 100% cơ quan …" run on.
void SentenceSplitter::SplitRunTogether(std::string_view text, uint32_t b, uint32_t e,
                                        std::vector<SentenceSpan>* out) {
  const char* s = text.data();
  const int32_t start = static_cast<int32_t>(b), n = static_cast<int32_t>(e);
  // Only a full stop with something after it can split: find each with
  // memchr, then look at the word before it and the character after.
  for (int32_t from = start; from < n;) {
    const void* dot = std::memchr(s + from, '.', static_cast<size_t>(n - from));
    if (!dot) break;
    const int32_t at = static_cast<int32_t>(static_cast<const char*>(dot) - s);
    const int32_t i = at + 1;
    from = i;
    if (i >= n) break;
    int32_t j = i;
    UChar32 next;
    U8_NEXT_OR_FFFD(s, j, n, next);
    // The word before the stop: the letters back to the last non-letter.
    int32_t word_start = at;
    bool word_lower = true;
    while (word_start > start) {
      int32_t k = word_start;
      UChar32 c;
      U8_PREV_OR_FFFD(s, start, k, c);
      if (!(c < 0x80 ? IsAsciiAlpha(c) : u_isalpha(c))) break;
      word_lower &= c < 0x80 ? (c >= 'a' && c <= 'z') : static_cast<bool>(u_islower(c));
      word_start = k;
    }
    bool lost_space = word_lower && at - word_start >= 2 && u_isupper(next);
    // "… là 85%. 100% cơ quan …": ICU does not end a sentence before a digit.
    bool before_number = next == ' ' && j < n && s[j] >= '0' && s[j] <= '9';
    if (lost_space || before_number) {
      out->push_back({b, static_cast<uint32_t>(i)});
      b = static_cast<uint32_t>(before_number ? j : i);
    }
  }
  out->push_back({b, e});
}

}  // namespace solieu
