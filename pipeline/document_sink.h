// DocumentSink: where analyzed documents go into a database, for ingest,
// load and merge alike. Records the run, skips documents already stored
// (same content hash), writes each document and commits in batches so a
// killed run leaves only whole documents, and at the end builds the
// secondary indexes. The search index is left to IndexForSearch (search.h).
#ifndef SOLIEU_PIPELINE_DOCUMENT_SINK_H_
#define SOLIEU_PIPELINE_DOCUMENT_SINK_H_

#include <functional>
#include <memory>
#include <string>

#include "corpus/reader.h"
#include "corpus/status.h"
#include "pipeline/ingest.h"
#include "pipeline/progress.h"
#include "schema/store.h"

namespace solieu {

class DocumentSink {
 public:
  // Opens (creating) the database and begins a run of `command`.
  static StatusOr<std::unique_ptr<DocumentSink>> Open(const std::string& db_path, const std::string& command,
                                                      const std::string& options_json, int batch_documents = 256);
  // Stores `doc` unless its content is stored already. A document the
  // database refuses (its id taken by other content) is reported to `on_skip`.
  Status Add(const AnalyzedDocument& doc, const std::function<void(const Skip&)>& on_skip);
  // Counts an input skipped before it reached the sink (unreadable, too long).
  void NoteSkipped() { ++stats_.skipped; }
  // Commits, builds the indexes (counted on `progress`, then cleared from
  // it), closes the run, syncs a first load to disk (Store::FinishFirstLoad);
  // returns what was stored (bytes, seconds and duplicates found before the
  // sink are the caller's). A run stopped before the end of its inputs
  // (`inputs_done` false) is left unfinished in `runs`, as a killed one is,
  // but what it stored is whole and indexed.
  StatusOr<IngestStats> Finish(Progress* progress, bool inputs_done = true);

  const IngestStats& stats() const { return stats_; }
  Store* store() { return store_.get(); }

 private:
  DocumentSink() = default;
  std::unique_ptr<Store> store_;
  int64_t run_ = 0;
  int batch_ = 256, in_batch_ = 0;
  bool syncs_skipped_ = false;  // a first load: synced once, at its end
  IngestStats stats_;
};

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_DOCUMENT_SINK_H_
