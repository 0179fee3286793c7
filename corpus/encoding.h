// Encodings: Vietnamese text as it really arrives, decoded to UTF-8.
//
// Reads UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1258 (ICU's
// converter; tones as combining marks), VISCII, TCVN3 (ABC), VNI-Windows and
// VIQR (mapping tables in corpus/data/*.tsv, each naming its source).
// Detect() tells them apart by decoding with each candidate and scoring how
// much of the result reads as Vietnamese syllables (Vietnamese letters, at
// most one tone mark a word, vowels in a row that a syllable may hold
// (corpus/data/vowel_clusters.tsv), no stray symbols), and reports its
// confidence. Thread-safe.
#ifndef SOLIEU_CORPUS_ENCODING_H_
#define SOLIEU_CORPUS_ENCODING_H_

#include <array>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"

namespace solieu {

struct DecodedText {
  std::string text;        // UTF-8
  std::string encoding;    // "utf-8", "utf-16", "windows-1258", "viscii", "tcvn3", "vni-windows", "viqr"
  double confidence = 1;   // 0..1: how clearly the winner beat the next candidate
};

class EncodingDetector {
 public:
  // Names Decode accepts, in the order Detect tries them.
  static const std::vector<std::string>& Names();

  static StatusOr<std::shared_ptr<const EncodingDetector>> Create();

  // Decodes `bytes` as `encoding`; an error for an unknown name.
  StatusOr<std::string> Decode(std::string_view bytes, std::string_view encoding) const;

  // Encodes UTF-8 NFC text into a table encoding, for tests and round trips.
  // Characters the encoding cannot represent are an error naming them.
  StatusOr<std::string> Encode(std::string_view utf8, std::string_view encoding) const;

  // Picks the encoding of `bytes`. An error, naming `source` and the two
  // closest candidates, when no encoding reads clearly better than another.
  StatusOr<DecodedText> Detect(std::string_view bytes, const std::string& source) const;

  // How Vietnamese a UTF-8 NFC text reads, 0..1 (see the header comment):
  // the share of its words with letters beyond ASCII that read as syllables.
  double VietnameseScore(std::string_view utf8) const;

 private:
  struct Table {
    std::map<std::string, std::string> from_utf8;  // UTF-8 character → byte sequence
    // Byte sequence → UTF-8, by the first byte of each sequence, longest
    // first: a byte is decoded by trying only the sequences it can start.
    std::array<std::vector<std::pair<std::string, std::string>>, 256> by_first;
  };
  StatusOr<std::string> DecodeTable(std::string_view bytes, const Table& t, bool viqr) const;
  std::map<std::string, Table> tables_;
  std::set<std::u32string> vowel_clusters_;  // lower case, without tones
  std::set<char32_t> vowels_;                // the letters of those runs
};

}  // namespace solieu

#endif  // SOLIEU_CORPUS_ENCODING_H_
