#include "normalizers/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include "corpus/rules.h"

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
  std::vector<SentenceSpan> out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  breaker_->setText(u);
  // Walk UTF-16 and UTF-8 offsets together.
  const char16_t* buf = u.getBuffer();
  int32_t u16 = 0;
  uint32_t u8 = 0;
  auto advance_to = [&](int32_t target) {
    while (u16 < target) {
      UChar32 c;
      U16_NEXT(buf, u16, u.length(), c);
      u8 += U8_LENGTH(c);
    }
  };
  int32_t start = breaker_->first();
  for (int32_t end = breaker_->next(); end != icu::BreakIterator::DONE; start = end, end = breaker_->next()) {
    advance_to(start);
    uint32_t b = u8;
    advance_to(end);
    uint32_t e = u8;
    while (b < e && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\t')) --e;
    if (e > b) out.push_back({b, e});
  }
  return out;
}

}  // namespace solieu
