#include "extractors/literal_set.h"

namespace solieu {

uint32_t LiteralSet::Child(uint32_t node, unsigned char b) const {
  if (node == 0) return first_[b];
  for (const auto& [byte, child] : nodes_[node].children) {
    if (byte == b) return child;
  }
  return 0;
}

void LiteralSet::Add(std::string_view literal) {
  if (literal.empty()) return;
  uint32_t node = 0;
  for (unsigned char b : literal) {
    uint32_t next = Child(node, b);
    if (next == 0) {
      next = static_cast<uint32_t>(nodes_.size());
      if (node == 0) first_[b] = next;
      else nodes_[node].children.emplace_back(b, next);
      nodes_.emplace_back();
    }
    node = next;
  }
  nodes_[node].terminal = true;
}

size_t LiteralSet::LongestAt(std::string_view text, size_t pos) const {
  size_t longest = 0;
  uint32_t node = 0;
  for (size_t i = pos; i < text.size(); ++i) {
    node = Child(node, static_cast<unsigned char>(text[i]));
    if (node == 0) break;
    if (nodes_[node].terminal) longest = i + 1 - pos;
  }
  return longest;
}

bool LiteralSet::RemoveAll(std::string* text) const {
  std::string_view in(*text);
  std::string out;
  size_t copied = 0;  // in[copied, pos) is still to be copied to out
  bool removed = false;
  for (size_t pos = 0; pos < in.size();) {
    size_t length = first_[static_cast<unsigned char>(in[pos])] ? LongestAt(in, pos) : 0;
    if (length == 0) {
      ++pos;
      continue;
    }
    out.append(in.substr(copied, pos - copied));
    pos += length;
    copied = pos;
    removed = true;
  }
  if (!removed) return false;
  out.append(in.substr(copied));
  *text = std::move(out);
  return true;
}

}  // namespace solieu
