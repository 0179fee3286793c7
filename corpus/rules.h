// Rule files: the patterns, lexicons, tables and SQL that solieu runs with.
//
// They are embedded in the binary at build time (CMakeLists.txt lists them)
// and can be overridden one by one from a directory given with --data-dir,
// laid out like the source tree ("extractors/data/units.tsv"). A run records
// RuleSetHash() so that every database says which rules produced it.
#ifndef SOLIEU_CORPUS_RULES_H_
#define SOLIEU_CORPUS_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"

namespace solieu {

// Sets the override directory ("" for none). Call before any rule is loaded.
void SetRuleDataDir(std::string dir);

// Contents of rule file `name`, from the override directory if it holds one.
StatusOr<std::string> ReadRuleFile(std::string_view name);

// SHA-256 (hex, first 16 digits) over every rule file's name and contents.
std::string RuleSetHash();

// One row of a TSV rule file: its fields and where it stands, for errors.
struct TsvRow {
  std::vector<std::string> fields;
  std::string where;  // "extractors/data/units.tsv:12"
};

// Rows of rule file `name`: tab-separated, '#' starts a comment line, blank
// lines skipped. Rows with fewer than `min_fields` fields are an error.
StatusOr<std::vector<TsvRow>> ReadTsvRules(std::string_view name, size_t min_fields);

}  // namespace solieu

#endif  // SOLIEU_CORPUS_RULES_H_
