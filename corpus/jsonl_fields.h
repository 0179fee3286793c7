// JsonlFields: the string fields of one JSONL document line, read in one
// strict pass without building a JSON tree: the JSONL reader's fast path.
//
// A general JSON parser spends most of the reader's time building a tree of
// the whole line only for a handful of string fields. ReadJsonlFields
// accepts exactly what a JSON parser accepts (an object, strict grammar,
// valid UTF-8, escapes and surrogate pairs decoded, the last of duplicate
// keys winning) and returns false for anything else, including a wanted
// field that is not a string: the caller then asks the full parser, which
// also words the error.
#ifndef SOLIEU_CORPUS_JSONL_FIELDS_H_
#define SOLIEU_CORPUS_JSONL_FIELDS_H_

#include <optional>
#include <string>
#include <string_view>

namespace solieu {

struct JsonlFields {
  std::optional<std::string> id, url, title, published, text, html;
};

// `check_utf8` false leaves the line's UTF-8 to the caller: the fields then
// hold its bytes as they are (ingest hashes a document's text before that
// check, to pass documents already stored without it).
bool ReadJsonlFields(std::string_view line, JsonlFields* out, bool check_utf8 = true);

}  // namespace solieu

#endif  // SOLIEU_CORPUS_JSONL_FIELDS_H_
