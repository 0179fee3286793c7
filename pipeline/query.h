// Query: runs a user's SQL against a solieu database (read-only) and prints
// the rows as an aligned table, CSV (RFC 4180) or JSON lines; and prints the
// schema with its comments.
#ifndef SOLIEU_PIPELINE_QUERY_H_
#define SOLIEU_PIPELINE_QUERY_H_

#include <ostream>
#include <string>

#include "corpus/status.h"

namespace solieu {

enum class QueryFormat { kTable, kCsv, kJson };

// Returns the number of rows printed.
StatusOr<int64_t> RunQuery(const std::string& db_path, const std::string& sql, QueryFormat format,
                           std::ostream& out);

// Tables and views, each with its columns and the comments from schema/*.sql.
Status PrintSchema(const std::string& db_path, std::ostream& out);

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_QUERY_H_
