// Export and extract: claims as the spec's JSONL, from a database or
// straight from input files (no database, no state between documents:
// a mapper for Hadoop Streaming or Spark's RDD.pipe).
#ifndef SOLIEU_PIPELINE_EXPORT_H_
#define SOLIEU_PIPELINE_EXPORT_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "corpus/reader.h"
#include "corpus/status.h"

namespace solieu {

struct ExportStats {
  uint64_t documents = 0, claims = 0, skipped = 0;
};

// `solieu export`: every stored claim (or document with --with-documents), in storage order.
StatusOr<ExportStats> ExportDatabase(const std::string& db_path, bool with_documents, const std::string& doc_id,
                                     std::ostream& out);

// `solieu extract`: the same lines, computed from `inputs`.
StatusOr<ExportStats> ExtractToStream(const std::vector<std::string>& inputs, const ReaderOptions& reader_options,
                                      bool with_documents, int jobs, std::ostream& out,
                                      const std::function<void(const Skip&)>& on_skip);

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_EXPORT_H_
