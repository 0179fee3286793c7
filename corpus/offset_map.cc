#include "corpus/offset_map.h"

#include <algorithm>

namespace solieu {

OffsetMap OffsetMap::Identity(uint32_t len) {
  OffsetMap m;
  m.AppendCopy(len);
  return m;
}

void OffsetMap::AppendCopy(uint32_t orig_len) {
  if (orig_len == 0) return;
  if (!pieces_.empty() && pieces_.back().copy) {
    pieces_.back().norm_len += orig_len;
    pieces_.back().orig_len += orig_len;
  } else {
    pieces_.push_back({norm_size_, orig_size_, orig_len, orig_len, true});
  }
  norm_size_ += orig_len;
  orig_size_ += orig_len;
}

void OffsetMap::AppendReplace(uint32_t orig_len, uint32_t norm_len) {
  if (orig_len == 0 && norm_len == 0) return;
  pieces_.push_back({norm_size_, orig_size_, norm_len, orig_len, false});
  norm_size_ += norm_len;
  orig_size_ += orig_len;
}

bool OffsetMap::IsIdentity() const {
  return pieces_.empty() || (pieces_.size() == 1 && pieces_[0].copy);
}

// For a start position we want the piece that begins at or before it and
// still has bytes after it; for an end position the piece that ends at or
// after it. Empty replacements (deletions) never own a position.
const OffsetMap::Piece* OffsetMap::Find(uint32_t pos, bool as_end) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                             [](uint32_t p, const Piece& pc) { return p < pc.norm_begin; });
  // it: first piece starting after pos. Walk back to a piece that holds pos.
  while (it != pieces_.begin()) {
    --it;
    const Piece& pc = *it;
    uint32_t end = pc.norm_begin + pc.norm_len;
    if (pc.norm_len == 0) continue;
    if (as_end ? (pos > pc.norm_begin && pos <= end) : (pos >= pc.norm_begin && pos < end)) return &pc;
    if (!as_end && pos >= end) return nullptr;
    if (as_end && pos <= pc.norm_begin) continue;
    return nullptr;
  }
  return nullptr;
}

uint32_t OffsetMap::ToOriginalStart(uint32_t pos) const {
  if (pieces_.empty()) return pos;
  if (pos >= norm_size_) return orig_size_;
  const Piece* pc = Find(pos, false);
  if (!pc) return orig_size_;
  return pc->copy ? pc->orig_begin + (pos - pc->norm_begin) : pc->orig_begin;
}

uint32_t OffsetMap::ToOriginalEnd(uint32_t pos) const {
  if (pieces_.empty()) return pos;
  if (pos == 0) return 0;
  const Piece* pc = Find(std::min(pos, norm_size_), true);
  if (!pc) return 0;
  return pc->copy ? pc->orig_begin + (pos - pc->norm_begin) : pc->orig_begin + pc->orig_len;
}

OffsetMap OffsetMap::Then(const OffsetMap& outer) const {
  if (IsIdentity()) return outer;
  if (outer.IsIdentity()) return *this;
  OffsetMap out;
  uint32_t orig_done = 0;  // original bytes already covered
  for (const Piece& op : outer.pieces_) {
    // `op` maps outer-normalized bytes to this map's normalized range [b, e).
    uint32_t b = op.orig_begin, e = op.orig_begin + op.orig_len;
    if (op.copy) {
      // Split along this map's pieces so copies stay exact.
      uint32_t pos = b;
      while (pos < e) {
        auto it = std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                                   [](uint32_t p, const Piece& pc) { return p < pc.norm_begin; });
        const Piece& ip = *std::prev(it);
        uint32_t ip_end = ip.norm_begin + ip.norm_len;
        uint32_t take = std::min(e, ip_end) - pos;
        if (ip.copy) {
          uint32_t ob = ip.orig_begin + (pos - ip.norm_begin);
          if (ob > orig_done) out.AppendReplace(ob - orig_done, 0);
          out.AppendCopy(take);
          orig_done = ob + take;
        } else {
          uint32_t oe = ip.orig_begin + ip.orig_len;
          // Original bytes deleted just before this piece (an empty piece at
          // the same position) must not be lost.
          if (ip.orig_begin > orig_done) out.AppendReplace(ip.orig_begin - orig_done, 0);
          uint32_t ob = std::max(ip.orig_begin, orig_done);
          out.AppendReplace(oe > ob ? oe - ob : 0, take);
          orig_done = std::max(orig_done, oe);
        }
        pos += take;
      }
    } else {
      uint32_t ob = b == e ? ToOriginalStart(b) : ToOriginalStart(b);
      uint32_t oe = b == e ? ob : ToOriginalEnd(e);
      ob = std::max(ob, orig_done);
      oe = std::max(oe, ob);
      if (ob > orig_done) out.AppendReplace(ob - orig_done, 0);
      out.AppendReplace(oe - ob, op.norm_len);
      orig_done = oe;
    }
  }
  if (orig_size_ > orig_done) out.AppendReplace(orig_size_ - orig_done, 0);
  return out;
}

}  // namespace solieu
