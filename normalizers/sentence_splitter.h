// SentenceSplitter: normalized text in, sentence spans out.
//
// ICU's sentence BreakIterator (Vietnamese rules) run over UTF-16, with the
// abbreviations in normalizers/data/abbreviations.tsv suppressed ("TP. Bắc
// Kạn", "ThS.", "v.v."), so a full stop after them does not end a sentence.
// Numbers such as "3.200" never break. A line break always ends a sentence,
// and so does a full stop that lost its space ("tiêu chí.Tổng thu").
// ICU reads only the stretches of text around the characters that can end a
// sentence (full stops, ?, !, line breaks), joined: its rules never break
// elsewhere, and what they decide looks no further than those stretches hold.
// Not thread-safe: each worker thread creates its own.
#ifndef SOLIEU_NORMALIZERS_SENTENCE_SPLITTER_H_
#define SOLIEU_NORMALIZERS_SENTENCE_SPLITTER_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
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

  // The same sentences with ICU run over the whole text: what Split must
  // equal, kept for the tests and the benchmark that check it does.
  std::vector<SentenceSpan> SplitWithWholeText(std::string_view text);

 private:
  using ByteRange = std::pair<uint32_t, uint32_t>;
  SentenceSplitter() = default;
  // The ranges ICU must read: around each character that can end a
  // sentence, from some way before it to a little past the first letter
  // after it; overlapping ones merged, the first from the text's start.
  void FindWindows(std::string_view text);
  // Runs ICU over windows_ joined and turns its boundaries into sentences.
  std::vector<SentenceSpan> SplitWindows(std::string_view text);
  static void SplitRunTogether(std::string_view text, uint32_t begin, uint32_t end, std::vector<SentenceSpan>* out);
  std::unique_ptr<icu::BreakIterator> breaker_;
  std::vector<ByteRange> windows_;
  int context_before_ = 0;  // code points before a possible end that ICU reads
  int context_after_ = 0;   // and past the first letter after it
  std::vector<char16_t> u16_;  // the windows in UTF-16, reused between calls
  std::vector<uint32_t> u8_at_;  // UTF-8 offset of each UTF-16 unit, plus the end
};

}  // namespace solieu

#endif  // SOLIEU_NORMALIZERS_SENTENCE_SPLITTER_H_
