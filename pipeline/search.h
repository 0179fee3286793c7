// Search: sentences found by their folded words ("ban le hang hoa" finds
// "bán lẻ hàng hóa"), printed with their document and the matched words marked.
#ifndef SOLIEU_PIPELINE_SEARCH_H_
#define SOLIEU_PIPELINE_SEARCH_H_

#include <ostream>
#include <string>

#include "corpus/status.h"

namespace solieu {

struct SearchOptions {
  int limit = 20;
  // How a matched word is marked: "[" "]" when piped, ANSI bold on a terminal.
  std::string mark_open = "[", mark_close = "]";
};

// Returns the number of sentences printed.
StatusOr<int64_t> SearchSentences(const std::string& db_path, const std::string& query, const SearchOptions& options,
                                  std::ostream& out);

// `sentence` with every word whose folded form is one of the folded query words marked.
std::string MarkWords(const std::string& sentence, const std::string& folded_query, const SearchOptions& options);

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_SEARCH_H_
