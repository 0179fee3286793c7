#include "normalizers/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

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
  u16_.clear();
  u8_at_.clear();
  u16_.reserve(text.size());
  u8_at_.reserve(text.size() + 1);
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    int32_t start = i;
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // most bytes: ASCII
      u16_.push_back(static_cast<char16_t>(text[i++]));
      u8_at_.push_back(static_cast<uint32_t>(start));
      continue;
    }
    UChar32 c;
    U8_NEXT_OR_FFFD(text.data(), i, n, c);
    if (U_IS_BMP(c)) {
      u16_.push_back(static_cast<char16_t>(c));
    } else {
      u16_.push_back(U16_LEAD(c));
      u16_.push_back(U16_TRAIL(c));
      u8_at_.push_back(static_cast<uint32_t>(start));
    }
    u8_at_.push_back(static_cast<uint32_t>(start));
  }
  u8_at_.push_back(static_cast<uint32_t>(text.size()));
  icu::UnicodeString u(false, u16_.data(), static_cast<int32_t>(u16_.size()));  // read-only alias, no copy
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
  int32_t i = static_cast<int32_t>(b), n = static_cast<int32_t>(e);
  int32_t word_start = i;
  bool word_lower = true;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT_OR_FFFD(text.data(), i, n, c);
    if (c == '.' && i < n) {
      int32_t j = i;
      UChar32 next;
      U8_NEXT_OR_FFFD(text.data(), j, n, next);
      bool lost_space = at > word_start && word_lower && at - word_start >= 2 && u_isupper(next);
      // "… là 85%. 100% cơ quan …": ICU does not end a sentence before a digit.
      bool before_number = next == ' ' && j < n && text[j] >= '0' && text[j] <= '9';
      if (lost_space || before_number) {
        out->push_back({b, static_cast<uint32_t>(i)});
        b = static_cast<uint32_t>(before_number ? j : i);
      }
    }
    bool alpha = c < 0x80 ? IsAsciiAlpha(c) : u_isalpha(c);
    if (alpha) {
      word_lower &= c < 0x80 ? (c >= 'a' && c <= 'z') : static_cast<bool>(u_islower(c));
    } else {
      word_start = i;
      word_lower = true;
    }
  }
  out->push_back({b, e});
}

}  // namespace solieu
