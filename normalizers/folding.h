// Folding: the search key of a text. Lower case, diacritics removed, đ → d,
// by ICU transliteration ("Tổng mức bán lẻ" → "tong muc ban le"), so that
// "ban le", "bán lẻ", "hoá" and "hóa" all meet. Thread-safe (one ICU
// transliterator per thread).
#ifndef SOLIEU_NORMALIZERS_FOLDING_H_
#define SOLIEU_NORMALIZERS_FOLDING_H_

#include <string>
#include <string_view>

namespace solieu {

std::string Fold(std::string_view text);

}  // namespace solieu

#endif  // SOLIEU_NORMALIZERS_FOLDING_H_
