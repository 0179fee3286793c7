// Ingest: read inputs, analyze them, store whole documents in SQLite.
//
// Documents already stored (same content hash) are recognised on the reader
// thread before any analysis. Documents are committed in batches inside
// transactions, so a killed run leaves only whole documents; the run is
// recorded in the `runs` table with version, rule-set hash and options.
#ifndef SOLIEU_PIPELINE_INGEST_H_
#define SOLIEU_PIPELINE_INGEST_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "corpus/reader.h"
#include "corpus/status.h"

namespace solieu {

class Store;

struct IngestOptions {
  std::vector<std::string> inputs;
  std::string db_path;
  int jobs = 1;
  bool progress = false;
  int batch_documents = 256;  // documents per transaction
  ReaderOptions reader;       // e.g. a forced --encoding
  // When set, asked before each document is read: true stops reading there.
  // What was read is analyzed, stored and indexed; the run stays unfinished
  // in `runs`, and running the same ingest again goes on from there.
  std::function<bool()> stop;
};

struct IngestStats {
  uint64_t documents = 0;   // added
  uint64_t duplicates = 0;  // already stored, not analyzed again
  uint64_t sentences = 0;
  uint64_t claims = 0;
  uint64_t skipped = 0;
  uint64_t bytes = 0;
  double seconds = 0;
  // The part of `seconds` spent building the secondary indexes once, after
  // the rows: nothing else runs then, so it is the load's fixed tail.
  double index_seconds = 0;
  int64_t unfinished_runs = 0;      // earlier runs that were killed: their whole documents are kept
  // The database could not use WAL (see Store::write_ahead_log), so stored
  // documents were recognised only after their analysis.
  bool stored_found_after_analysis = false;
  bool stopped = false;  // IngestOptions::stop ended the reading before the inputs' end
};

// Errors are about the database or rules; unreadable input is reported to
// `on_skip` and counted, not returned.
StatusOr<IngestStats> Ingest(const IngestOptions& options, const std::function<void(const Skip&)>& on_skip);

// The connection on which the reader thread asks whether a document is
// stored, opened before the writer's. Its page cache is small (256 KiB): the
// lookups land on random leaves of the content-hash index whatever it
// holds, and SQLite's default 2 MB made ingest's peak memory grow with the
// corpus as that index grew past it (docs/performance.md).
StatusOr<std::unique_ptr<Store>> OpenStoredLookup(const std::string& db_path);

// The bytes reading `inputs` will count, for an ETA: the sum of their sizes
// when every one is a file read as it is; 0 (unknown) when one is a
// directory, stdin or compressed, whose bytes are only known as they come.
uint64_t KnownInputBytes(const std::vector<std::string>& inputs);

// For commands that read a database: a note when its claims lack the
// indexes a load builds at its end, because one was killed before it (or
// runs now); "" otherwise, or when the database cannot be opened (the
// command itself then says why). Without them, reading a document's claims
// scans every claim: minutes for an export of some thousands of documents.
std::string MissingIndexesNote(const std::string& db_path);

// "solieu 0.1.0 (rules 1a2b3c4d5e6f7a8b)"
std::string VersionString();

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_INGEST_H_
