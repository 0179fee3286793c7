#include "normalizers/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "corpus/byte_scan.h"
#include "corpus/rules.h"
#include "normalizers/code_points.h"

namespace solieu {

namespace {

// Context ICU gets around a character that can end a sentence. Before it:
// the word it may end, an abbreviation ("ThS.", "v.v.") or a letter that
// decides "TP.HCM". After it: its closing marks and spaces up to the first
// letter or line break, where the rules decide, then a few characters more.
constexpr int kContextBefore = 16;  // code points, at least; more for a long abbreviation
constexpr int kContextAfter = 8;    // code points past that first letter, at least

int32_t SentenceBreakOf(UChar32 c) { return u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK); }

bool CanEndSentence(int32_t sb) {
  return sb == U_SB_ATERM || sb == U_SB_STERM || sb == U_SB_SEP || sb == U_SB_CR || sb == U_SB_LF;
}

bool Decides(int32_t sb) {  // a letter or a line break: the rules have decided by then
  return sb == U_SB_LOWER || sb == U_SB_UPPER || sb == U_SB_OLETTER || sb == U_SB_SEP || sb == U_SB_CR ||
         sb == U_SB_LF;
}

// Which characters can end a sentence, from ICU's own property (the classes
// its rules break after), laid out for a scan that decodes as little as it
// can: by lead byte, then by block of 64 code points, then one by one.
struct Terminators {
  enum : uint8_t { kNo = 0, kAscii = 1, kMaybe = 2 };
  std::array<uint8_t, 256> by_lead{};   // kNo: this byte never starts one
  std::array<uint64_t, 1024> bits{};    // BMP code point: it is one

  Terminators() {
    for (UChar32 c = 0; c < 0x10000; ++c) {
      if (!CanEndSentence(SentenceBreakOf(c))) continue;
      bits[c >> 6] |= uint64_t{1} << (c & 63);
      if (c < 0x80) by_lead[c] = kAscii;
      else if (c < 0x800) by_lead[0xC0 | (c >> 6)] = kMaybe;
      else by_lead[0xE0 | (c >> 12)] = kMaybe;
    }
    for (int b = 0xF0; b <= 0xF4; ++b) by_lead[b] = kMaybe;
    sixteen_at_a_time = SixteenAtATimeHolds();
  }
  bool BlockHolds(int block) const { return bits[block] != 0; }  // block: BMP code point >> 6
  bool Ends(UChar32 c) const {
    return c < 0x10000 ? (bits[c >> 6] >> (c & 63)) & 1 : CanEndSentence(SentenceBreakOf(c));
  }
  // Whether SixteenPlain may pass a block: its assumptions, checked
  // against ICU's table rather than trusted.
  bool sixteen_at_a_time = false;
  bool SixteenAtATimeHolds() const {
    std::array<uint8_t, 256> ascii{};
    for (unsigned char c : {'.', '!', '?', '\n', '\r'}) ascii[c] = kAscii;
    for (int b = 0; b < 0x80; ++b) if (by_lead[b] != ascii[b]) return false;
    for (int b = 0xC3; b <= 0xC6; ++b) if (by_lead[b] != kNo) return false;
    return !BlockHolds(0x1E80 >> 6) && !BlockHolds(0x1EC0 >> 6);  // U+1E80-U+1EFF
  }
};

// Sixteen bytes at a time: true when none of them can start a character
// that ends a sentence, that is none is a full stop, ?, !, a line break, or
// a lead byte other than those of Vietnamese's letters (C3-C6:
// U+00C0-U+01BF; E1 BA, E1 BB: U+1E80-U+1EFF). False sends the block to the
// exact scan, byte by byte.
bool SixteenPlain(const uint8_t* p) {
  using byte_scan::Block16;
  const Block16 b = byte_scan::Load16(p), next = byte_scan::Load16(p + 1);
  Block16 stop = (Block16)((b == '.') | (b == '!') | (b == '?') | (b == '\n') | (b == '\r'));
  Block16 lead = (Block16)(b >= 0xC0);
  Block16 vietnamese = (Block16)(((b >= 0xC3) & (b <= 0xC6)) | ((b == 0xE1) & ((next == 0xBA) | (next == 0xBB))));
  return !byte_scan::AnyFlagged(stop | (lead & ~vietnamese));
}

const Terminators& TerminatorTable() {
  static const Terminators table;
  return table;
}

}  // namespace

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
  auto s = std::unique_ptr<SentenceSplitter>(new SentenceSplitter);
  s->context_before_ = kContextBefore;
  s->context_after_ = kContextAfter;
  for (const TsvRow& row : *rows) {
    icu::UnicodeString abbreviation = icu::UnicodeString::fromUTF8(row.fields[0]);
    builder->suppressBreakAfter(abbreviation, err);
    // A longer abbreviation in the rules (--data-dir) widens the context:
    // ICU reads it back from the stop, and one in parts ("v.v.") forward too.
    s->context_before_ = std::max(s->context_before_, 2 * abbreviation.countChar32() + 2);
    s->context_after_ = std::max(s->context_after_, abbreviation.countChar32() + 2);
  }
  s->breaker_.reset(builder->wrapIteratorWithFilter(base.release(), err));
  if (U_FAILURE(err)) return Status::Corrupt(std::string("ICU filtered break iterator: ") + u_errorName(err));
  return s;
}

void SentenceSplitter::FindWindows(std::string_view text) {
  windows_.clear();
  const Terminators& terms = TerminatorTable();
  const char* s = text.data();
  const uint8_t* bytes = reinterpret_cast<const uint8_t*>(s);
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (true) {
    // Most bytes are letters, digits, spaces or the rest of a character.
    if (terms.sixteen_at_a_time) {
      while (i + 17 <= n && SixteenPlain(bytes + i)) i += 16;
    }
    while (i < n && terms.by_lead[bytes[i]] == Terminators::kNo) ++i;
    if (i >= n) break;
    const int32_t at = i;
    const uint8_t b = bytes[i];
    const uint8_t kind = terms.by_lead[b];
    if (kind == Terminators::kAscii) {
      ++i;
      // "3.200": a full stop between digits never ends a sentence (ICU
      // agrees), and numbers hold most of a report's full stops.
      if (b == '.' && at > 0 && i < n && IsAsciiDigit(bytes[at - 1]) && IsAsciiDigit(bytes[i])) continue;
    } else {
      // Vietnamese letters (U+1EA0-U+1EFF, U+00C0-U+01B0) share no block
      // with a terminator: a look at the second byte passes them.
      if (b >= 0xE0 && b < 0xF0 && i + 1 < n && !terms.BlockHolds(((b & 0x0F) << 6) | (bytes[i + 1] & 0x3F))) {
        ++i;
        continue;
      }
      UChar32 c;
      U8_NEXT_OR_FFFD(s, i, n, c);
      if (!terms.Ends(c)) continue;
    }
    // Before it: back context_before_ code points, or into the window before.
    int32_t begin = at;
    const int32_t previous_end = windows_.empty() ? -1 : static_cast<int32_t>(windows_.back().second);
    for (int k = 0; k < context_before_ && begin > 0 && begin > previous_end; ++k) U8_BACK_1(bytes, 0, begin);
    // After it: to the first letter or line break, then a few more, and
    // never ending just after a full stop that the next window would leave
    // reading as if a letter followed it ("3." + "Tổng").
    int32_t end = i, decided_at = i;
    while (end < n) {
      decided_at = end;
      UChar32 c;
      U8_NEXT_OR_FFFD(s, end, n, c);
      if (Decides(SentenceBreakOf(c))) break;
    }
    // The characters before that first letter that could end a sentence
    // ("...", "?!") share this window: the scan goes on from the letter (or
    // line break), so that a long run of them is read once, not once each.
    if (end >= n) decided_at = n;
    i = std::max(i, decided_at);
    for (int k = 0; k < context_after_ && end < n; ++k) U8_FWD_1(bytes, end, n);
    while (end < n && s[end - 1] == '.') ++end;
    if (begin <= previous_end) {
      windows_.back().second = std::max(windows_.back().second, static_cast<uint32_t>(end));
    } else {
      windows_.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    }
  }
  // From the text's start, so that ICU's start of text is the text's own.
  if (!windows_.empty()) windows_.front().first = 0;
}

std::vector<SentenceSpan> SentenceSplitter::Split(std::string_view text) {
  FindWindows(text);
  return SplitWindows(text);
}

std::vector<SentenceSpan> SentenceSplitter::SplitWithWholeText(std::string_view text) {
  windows_.assign(1, {0, static_cast<uint32_t>(text.size())});
  return SplitWindows(text);
}

std::vector<SentenceSpan> SentenceSplitter::SplitWindows(std::string_view text) {
  // UTF-16 for ICU (twice as fast as UText over UTF-8), built by hand so that
  // every UTF-16 offset knows its UTF-8 offset, even past a malformed byte.
  size_t bytes = 0;
  for (const ByteRange& w : windows_) bytes += w.second - w.first;
  u16_.resize(bytes);
  u8_at_.resize(bytes + 1);
  char16_t* u16 = u16_.data();
  uint32_t* u8_at = u8_at_.data();
  int32_t k = 0;
  for (const ByteRange& w : windows_) {
    int32_t i = static_cast<int32_t>(w.first), n = static_cast<int32_t>(w.second);
    while (i < n) {
      int32_t start = i;
      if (static_cast<unsigned char>(text[i]) < 0x80) {
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
  }
  // The boundaries: the text's start and end, and each ICU finds inside the
  // windows. The end of the last window is one only when it is the text's.
  std::vector<uint32_t> bounds{0};
  if (k > 0) {
    icu::UnicodeString u(false, u16, k);  // read-only alias, no copy
    breaker_->setText(u);
    breaker_->first();
    for (int32_t at = breaker_->next(); at != icu::BreakIterator::DONE && at < k; at = breaker_->next()) {
      bounds.push_back(u8_at[at]);
    }
  }
  bounds.push_back(static_cast<uint32_t>(text.size()));
  std::vector<SentenceSpan> out;
  for (size_t j = 0; j + 1 < bounds.size(); ++j) {
    uint32_t b = bounds[j], e = bounds[j + 1];
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
