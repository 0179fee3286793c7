// SentenceSplitter: normalized text in, sentence spans out.
//
// ICU's sentence BreakIterator (Vietnamese rules) run over UTF-16, with the
// abbreviations in normalizers/data/abbreviations.tsv suppressed ("TP. Bắc
// Kạn", "ThS.", "v.v."), so a full stop after them does not end a sentence.
// Numbers such as "3.200" never break. A line break always ends a sentence,
// and so does a full stop that lost its space ("tiêu chí.Tổng thu").
// Not thread-safe: each worker thread creates its own.
#ifndef SOLIEU_NORMALIZERS_SENTENCE_SPLITTER_H_
#define SOLIEU_NORMALIZERS_SENTENCE_SPLITTER_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "corpus/status.h"

#include <unicode/uversion.h>
U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace solieu {

struct SentenceSpan {
  uint32_t begin, end;  // UTF-8 byte offsets into the normalized text, trimmed
};

class SentenceSplitter {
 public:
  static StatusOr<std::unique_ptr<SentenceSplitter>> Create();
  ~SentenceSplitter();

  // Non-empty sentences in order; surrounding white space is not included.
  std::vector<SentenceSpan> Split(std::string_view text);

 private:
  SentenceSplitter() = default;
  static void SplitRunTogether(std::string_view text, uint32_t begin, uint32_t end, std::vector<SentenceSpan>* out);
  std::unique_ptr<icu::BreakIterator> breaker_;
  std::vector<char16_t> u16_;  // the text in UTF-16, reused between calls
  std::vector<uint32_t> u8_at_;  // UTF-8 offset of each UTF-16 unit, plus the end
};

}  // namespace solieu

#endif  // SOLIEU_NORMALIZERS_SENTENCE_SPLITTER_H_
