// TextNormalizer: original document text in, normalized text out, with the
// offset map back to the original bytes.
//
// Steps, in order: ICU NFC (with ICU's edit record, so offsets stay exact);
// site-furniture lines dropped by the patterns in normalizers/data/furniture.tsv
// (their newline kept, so paragraphs stay apart); characters unified by
// normalizers/data/characters.tsv (spaces, dashes, quotes, zero-width marks);
// runs of spaces collapsed and line ends trimmed; tone placement by
// ToneNormalizer. Thread-safe once created.
#ifndef SOLIEU_NORMALIZERS_TEXT_NORMALIZER_H_
#define SOLIEU_NORMALIZERS_TEXT_NORMALIZER_H_

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/offset_map.h"
#include "corpus/status.h"
#include "normalizers/tone_normalizer.h"

namespace re2 { class RE2; }

namespace solieu {

struct NormalizedText {
  std::string text;
  OffsetMap map;                          // text → original bytes
  std::optional<std::string> published;   // ISO date from a "Đăng ngày …" line
  int furniture_lines = 0;                // lines dropped as site furniture
};

class TextNormalizer {
 public:
  static StatusOr<std::unique_ptr<TextNormalizer>> Create();
  ~TextNormalizer();

  // `original` must be valid UTF-8 (the reader checks it).
  NormalizedText Normalize(std::string_view original) const;

 private:
  TextNormalizer() = default;
  struct FurnitureRule;
  std::vector<FurnitureRule> furniture_;
  // Every furniture pattern, anchored at both ends, in one RE2::Set: a short
  // line is read once to learn which rules (if any) match it whole.
  struct FurnitureSet;
  std::unique_ptr<FurnitureSet> any_furniture_;
  std::unordered_map<int32_t, std::string> characters_;
  // Bytes that may start a character the line pass changes: spaces, tabs,
  // CR, and the first UTF-8 byte of each `characters_` key. Runs of other
  // bytes (most Vietnamese text) are copied whole.
  std::array<bool, 256> may_change_{};
  std::unique_ptr<ToneNormalizer> tone_;
};

}  // namespace solieu

#endif  // SOLIEU_NORMALIZERS_TEXT_NORMALIZER_H_
