// DocumentReader: turns the paths a user names into Documents, one at a time.
//
// Takes files (.txt in any Vietnamese encoding, .html pages, .jsonl),
// directories (walked recursively in sorted order, one directory listed at
// a time; one with more entries than ReaderOptions::max_sorted_directory is
// read in the file system's order, a batch at a time, so that even millions
// of files in one directory need no list in memory), JSONL files
// (one document a line) and "-" (JSONL on stdin); .gz and .zst are read
// through. Gives each document, or a Skip naming the file and place of input
// that cannot be read (invalid UTF-8, a binary or empty file, a broken or
// huge JSONL line). A skip is not an error of the run: reading goes on.
#ifndef SOLIEU_CORPUS_READER_H_
#define SOLIEU_CORPUS_READER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "corpus/document.h"
#include "corpus/status.h"

namespace solieu {

struct Skip {
  std::string message;  // "data/a.txt: invalid UTF-8 at byte 1234 (line 5)"
};

struct ReaderOptions {
  size_t max_document_bytes = size_t{256} << 20;
  size_t max_line_bytes = size_t{64} << 20;
  std::string encoding;  // force this encoding for text files ("" = detect)
  // Entries a directory may have and still be read in sorted order (its
  // names held and sorted, some 60 bytes each); a larger one is read as the
  // file system lists it, this many names at a time.
  size_t max_sorted_directory = 65536;
  // When set, a document whose content hash (corpus/document.h) this says
  // is stored comes back as Item::kStored, asked once a document. A JSONL
  // document is asked before the UTF-8 check of its line: bytes that hash
  // to a stored document passed it when stored, and a re-ingest spent a
  // quarter of its time on that check.
  std::function<bool(const std::string& content_hash)> stored;
  // When set, asked before each document: true ends the input there, as if
  // it had ended (a stop the user asked for; see DocumentReader::stopped).
  std::function<bool()> stop;
};

class EncodingDetector;

class DocumentReader {
 public:
  explicit DocumentReader(std::vector<std::string> paths, ReaderOptions options = {});
  ~DocumentReader();

  enum class Item { kDocument, kSkip, kEnd, kStored };  // kStored: see ReaderOptions::stored
  // Reads the next document into *doc or the next skip into *skip.
  Item Next(Document* doc, Skip* skip);

  // Bytes of input consumed so far (decompressed), for progress reports.
  uint64_t bytes_read() const;
  // Whether ReaderOptions::stop ended the input before its end.
  bool stopped() const;

 private:
  // Gives a read document its identity; kStored when ReaderOptions::stored says so.
  Item Identified(Document* doc) const;
  struct State;
  std::unique_ptr<State> state_;
};

// Checks and fills a document read from `source`: strips a BOM, rejects
// binary, undecodable and empty text with a message naming `source`. With a
// detector, text that is not UTF-8 is decoded (as `forced`, or as detected)
// and doc->encoding says how; without one, only UTF-8 is accepted.
Status AcceptText(const std::string& source, std::string text, Document* doc,
                  const EncodingDetector* detector = nullptr, const std::string& forced = "");

class HtmlReader;

// Parses one JSONL line into *doc; `where` is "FILE:LINE" for messages. A
// line with an "html" field and no "text" has its article read by `html`.
Status ParseJsonlDocument(const std::string& line, const std::string& where, Document* doc,
                          const HtmlReader* html = nullptr);

}  // namespace solieu

#endif  // SOLIEU_CORPUS_READER_H_
