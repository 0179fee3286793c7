// Load and merge: the reduce side of scale-out (docs/scale-out.md).
//
// LoadParts reads the lines `solieu extract --with-documents` writes (files,
// .gz/.zst, or - for stdin) into a database without analyzing anything
// again. MergeShards copies the documents of shard databases into one. Both
// skip documents already stored (same content hash), so loading or merging
// twice adds nothing, and both commit whole documents in batches.
#ifndef SOLIEU_PIPELINE_LOAD_H_
#define SOLIEU_PIPELINE_LOAD_H_

#include <functional>
#include <string>
#include <vector>

#include "corpus/reader.h"
#include "pipeline/ingest.h"

namespace solieu {

// A line that is not a whole document line (truncated, another tool's,
// too long) is reported to `on_skip` with FILE:LINE and counted. With
// `progress`, both keep a progress line on stderr (Progress). `stop`, when
// set, is asked before each document: true ends the input there, as
// IngestOptions::stop does (IngestStats::stopped, the run left unfinished).
StatusOr<IngestStats> LoadParts(const std::string& db_path, const std::vector<std::string>& parts,
                                const std::function<void(const Skip&)>& on_skip, bool progress = false,
                                const std::function<bool()>& stop = {});

StatusOr<IngestStats> MergeShards(const std::string& db_path, const std::vector<std::string>& shards,
                                  const std::function<void(const Skip&)>& on_skip, bool progress = false,
                                  const std::function<bool()>& stop = {});

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_LOAD_H_
