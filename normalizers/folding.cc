#include "normalizers/folding.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

namespace solieu {

std::string Fold(std::string_view text) {
  thread_local std::unique_ptr<icu::Transliterator> fold = [] {
    UErrorCode err = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Lower; NFC", UTRANS_FORWARD, err));
    return U_SUCCESS(err) ? std::move(t) : nullptr;
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (fold) fold->transliterate(u);
  else u.toLower();
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace solieu
