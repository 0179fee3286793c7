// OffsetMap: the way back from normalized text to the original bytes.
//
// Every normalization step builds one: a sequence of pieces, each either a
// copy (normalized bytes equal original bytes, byte for byte) or a
// replacement (a run of original bytes became a different run, possibly
// empty). A span in normalized text maps to the smallest original span that
// produced it, so a claim always cites whole original characters.
#ifndef SOLIEU_CORPUS_OFFSET_MAP_H_
#define SOLIEU_CORPUS_OFFSET_MAP_H_

#include <cstdint>
#include <vector>

namespace solieu {

class OffsetMap {
 public:
  struct Piece {
    uint32_t norm_begin, orig_begin, norm_len, orig_len;
    bool copy;  // true: byte i of this piece came from byte i of the original
  };

  // Identity over `len` bytes.
  static OffsetMap Identity(uint32_t len);

  // Builders: pieces must be appended in order and cover the input.
  void AppendCopy(uint32_t orig_len);
  void AppendReplace(uint32_t orig_len, uint32_t norm_len);

  // Original offset of a normalized position. A start position inside a
  // replacement maps to the replacement's start, an end position to its end.
  uint32_t ToOriginalStart(uint32_t norm_pos) const;
  uint32_t ToOriginalEnd(uint32_t norm_pos) const;

  // The map from this map's normalized text through `outer` (which maps a
  // later step's output to this map's normalized text) back to the original.
  OffsetMap Then(const OffsetMap& outer) const;

  uint32_t norm_size() const { return norm_size_; }
  uint32_t orig_size() const { return orig_size_; }
  const std::vector<Piece>& pieces() const { return pieces_; }
  bool IsIdentity() const;

 private:
  const Piece* Find(uint32_t norm_pos, bool as_end) const;
  std::vector<Piece> pieces_;
  uint32_t norm_size_ = 0;
  uint32_t orig_size_ = 0;
};

}  // namespace solieu

#endif  // SOLIEU_CORPUS_OFFSET_MAP_H_
