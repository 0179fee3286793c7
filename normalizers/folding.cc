#include "normalizers/folding.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstring>
#include <memory>
#include <unordered_map>

#include <unicode/utf8.h>

namespace solieu {

namespace {

// The ICU transliterator folds one code point at a time (no context), so its
// answer for each code point is computed once per thread and kept: folding
// is on the hot path of every claim (indicator matching, metric keys).
std::string FoldCodePoint(UChar32 c) {
  thread_local std::unique_ptr<icu::Transliterator> fold = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC", UTRANS_FORWARD, err));
    return U_SUCCESS(err) ? std::move(t) : nullptr;
  }();
  icu::UnicodeString u(c);
  if (fold) fold->transliterate(u);
  else u.toLower();
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::string Fold(std::string_view text) {
  thread_local std::unordered_map<UChar32, std::string> cache;
  std::string out(text.size(), '\0');  // folding never lengthens Vietnamese; grown if it does
  size_t o = 0;
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    unsigned char b = text[i];
    if (b < 0x80) {  // ASCII, most bytes
      if (o == out.size()) out.resize(out.size() + 16);
      out[o++] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT_OR_FFFD(text.data(), i, n, c);
    auto it = cache.find(c);
    if (it == cache.end()) it = cache.emplace(c, FoldCodePoint(c)).first;
    const std::string& f = it->second;
    if (o + f.size() > out.size()) out.resize(o + f.size() + 16);
    std::memcpy(&out[o], f.data(), f.size());
    o += f.size();
  }
  out.resize(o);
  return out;
}

}  // namespace solieu
