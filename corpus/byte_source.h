// ByteSource: a stream of bytes from a file, stdin, or a .gz/.zst file,
// read in chunks so that input of any size needs constant memory.
#ifndef SOLIEU_CORPUS_BYTE_SOURCE_H_
#define SOLIEU_CORPUS_BYTE_SOURCE_H_

#include <memory>
#include <string>

#include "corpus/status.h"

namespace solieu {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`; 0 at end of input.
  virtual StatusOr<size_t> Read(char* buf, size_t n) = 0;
};

// Opens `path` ("-" is stdin), decompressing by extension (.gz, .zst).
StatusOr<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path);
// Whether OpenByteSource decompresses `path`.
bool IsCompressedPath(const std::string& path);

// Reads a whole source into a string; an error past `max_bytes`.
StatusOr<std::string> ReadAll(ByteSource* src, const std::string& name, size_t max_bytes);

// Splits a source into lines ('\n', a trailing '\r' dropped), counting them
// from 1. A line longer than `max_line` is not returned whole: Next reports
// it with `too_long` set and skips to the next line, in constant memory.
class LineReader {
 public:
  LineReader(std::unique_ptr<ByteSource> src, size_t max_line);
  // False at end of input. On a read error returns true with *status set
  // and *lineno the number of the line it could not read whole.
  bool Next(std::string* line, size_t* lineno, bool* too_long, Status* status);

 private:
  bool Fill(Status* status);
  std::unique_ptr<ByteSource> src_;
  size_t max_line_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
  size_t lineno_ = 0;
};

}  // namespace solieu

#endif  // SOLIEU_CORPUS_BYTE_SOURCE_H_
