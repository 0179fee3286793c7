// LiteralSet: literal strings in a byte trie, removed from a text in one
// pass. It does what RE2::GlobalReplace does with the strings quoted into one
// alternation, longest first (leftmost match; at one place the longest),
// without the regex machinery: hundreds of place names sharing "thành phố …"
// cost a DFA walk over every byte, where the trie stops at the first byte
// that starts no literal.
#ifndef SOLIEU_EXTRACTORS_LITERAL_SET_H_
#define SOLIEU_EXTRACTORS_LITERAL_SET_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace solieu {

class LiteralSet {
 public:
  void Add(std::string_view literal);
  // The length of the longest literal at `pos`, byte for byte (no word
  // boundaries), or 0.
  size_t LongestAt(std::string_view text, size_t pos) const;
  // Removes every literal from `text`; whether there was one.
  bool RemoveAll(std::string* text) const;

 private:
  struct Node {
    std::vector<std::pair<unsigned char, uint32_t>> children;  // by byte; few per node (the root's are first_)
    bool terminal = false;                                     // a literal ends here
  };
  uint32_t Child(uint32_t node, unsigned char b) const;

  std::vector<Node> nodes_{1};          // nodes_[0] is the root
  std::array<uint32_t, 256> first_{};  // the root's children, by byte: most bytes start nothing
};

}  // namespace solieu

#endif  // SOLIEU_EXTRACTORS_LITERAL_SET_H_
