// Search: sentences found by their folded words ("ban le hang hoa" finds
// "bán lẻ hàng hóa"), printed with their document and the matched words marked.
#ifndef SOLIEU_PIPELINE_SEARCH_H_
#define SOLIEU_PIPELINE_SEARCH_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "corpus/status.h"

namespace solieu {

struct SearchOptions {
  int limit = 20;
  bool progress = false;  // a progress line while the search index is brought up to date
  // How a matched word is marked: "[" "]" when piped, ANSI bold on a terminal.
  std::string mark_open = "[", mark_close = "]";
};

// Returns the number of sentences printed. First brings the search index up
// to date (IndexForSearch) when documents were stored since it last was.
StatusOr<int64_t> SearchSentences(const std::string& db_path, const std::string& query, const SearchOptions& options,
                                  std::ostream& out);

struct SearchIndexStats {
  int64_t documents = 0;  // added to the index
  double seconds = 0;
};
// Adds to the database's search index every document stored since it was
// last brought up to date (the load leaves that apart: it would make it half
// again as slow). An error names the database, and says what to do when it
// cannot be written.
StatusOr<SearchIndexStats> IndexForSearch(const std::string& db_path, bool progress);

// `sentence` with every word whose folded form is one of the folded query words marked.
std::string MarkWords(const std::string& sentence, const std::string& folded_query, const SearchOptions& options);

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_SEARCH_H_
