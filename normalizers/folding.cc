#include "normalizers/folding.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <unordered_map>

#include "normalizers/code_points.h"

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
  // Below U+2000 (all of Vietnamese's letters) a flat table, filled as
  // code points are met; above it a map.
  constexpr UChar32 kFlatEnd = 0x2000;
  struct Cache {
    std::unique_ptr<std::string[]> flat{new std::string[kFlatEnd]};
    std::unique_ptr<bool[]> known{new bool[kFlatEnd]()};
    std::unordered_map<UChar32, std::string> rest;
  };
  thread_local Cache cache;
  return MapCodePoints(text, [](UChar32 c, std::string_view, char*) -> std::string_view {
    if (c < 0) c = 0xFFFD;  // malformed: folded as the replacement character
    if (c < kFlatEnd) {
      if (!cache.known[c]) {
        cache.flat[c] = FoldCodePoint(c);
        cache.known[c] = true;
      }
      return cache.flat[c];
    }
    auto it = cache.rest.find(c);
    if (it == cache.rest.end()) it = cache.rest.emplace(c, FoldCodePoint(c)).first;
    return it->second;
  });
}

}  // namespace solieu
