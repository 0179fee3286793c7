#include "pipeline/ingest.h"

#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>

#include "corpus/byte_source.h"
#include "corpus/rules.h"
#include "pipeline/analyzer.h"
#include "pipeline/document_sink.h"
#include "pipeline/parallel.h"
#include "pipeline/progress.h"
#include "schema/store.h"

#ifndef SOLIEU_VERSION
#define SOLIEU_VERSION "0.0.0"
#endif

namespace solieu {

std::string VersionString() { return std::string("solieu ") + SOLIEU_VERSION + " (rules " + RuleSetHash() + ")"; }

uint64_t KnownInputBytes(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  for (const std::string& p : inputs) {
    struct stat st;
    if (IsCompressedPath(p) || stat(p.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
    total += st.st_size;
  }
  return total;
}

StatusOr<std::unique_ptr<Store>> OpenStoredLookup(const std::string& db_path) {
  auto lookup = Store::Open(db_path, Store::Mode::kReadWrite);
  if (!lookup.ok()) return lookup.status();
  SOLIEU_RETURN_IF_ERROR((*lookup)->SetCacheKiB(256));
  return lookup;
}

std::string MissingIndexesNote(const std::string& db_path) {
  auto store = Store::Open(db_path, Store::Mode::kReadOnly);
  if (!store.ok()) return "";
  auto documents = (*store)->CountDocuments();
  if (!documents.ok() || *documents == 0) return "";  // nothing to read slowly
  auto missing = (*store)->MissingIndexes();
  if (!missing.ok() || missing->empty()) return "";
  std::string names;
  for (const std::string& name : *missing) names += (names.empty() ? "" : ", ") + name;
  return db_path + " lacks the indexes a load builds at its end (" + names +
         "): one was killed before then, or is running. Reading it is slow until a load ends; the same "
         "ingest again finishes it (stored documents are not analyzed again)";
}

StatusOr<IngestStats> Ingest(const IngestOptions& opt, const std::function<void(const Skip&)>& on_skip) {
  auto start = std::chrono::steady_clock::now();
  auto rules = AnalyzerRules::Load();
  if (!rules.ok()) return rules.status();
  nlohmann::json options = {{"inputs", opt.inputs}, {"jobs", opt.jobs}, {"encoding", opt.reader.encoding}};
  // A second connection for the reader thread's "already stored?" question,
  // opened first: the sink holds the write lock from its first batch on.
  auto lookup = OpenStoredLookup(opt.db_path);
  if (!lookup.ok()) return lookup.status();
  // Without WAL the reader's question would wait for each commit of the
  // sink (up to the busy timeout, for every document): the sink alone then
  // recognises stored documents, after their analysis. A database with no
  // document has none to recognise, and is closed before the sink opens:
  // a first load leaves the WAL only where no other connection holds the
  // database (Store::StartFirstLoad).
  const bool without_wal = !(*lookup)->write_ahead_log();
  auto stored_before = (*lookup)->CountDocuments();
  if (!stored_before.ok()) return stored_before.status();
  const bool look_up_early = !without_wal && *stored_before > 0;
  if (!look_up_early) lookup->reset();
  auto sink = DocumentSink::Open(opt.db_path, "ingest", options.dump(), opt.batch_documents);
  if (!sink.ok()) return sink.status();

  Progress progress(opt.progress, KnownInputBytes(opt.inputs));
  std::atomic<uint64_t> already_stored{0};  // counted on the reader thread
  // The reader asks, on its thread, once a document (a JSONL one before its
  // line's UTF-8 check), and passes those stored without analysis.
  ReaderOptions reader_options = opt.reader;
  reader_options.stop = opt.stop;
  if (look_up_early) {
    reader_options.stored = [&](const std::string& content_hash) {
      auto has = (*lookup)->HasContent(content_hash);
      if (!has.ok() || !*has) return false;
      ++already_stored;
      return true;
    };
  }
  DocumentReader reader(opt.inputs, reader_options);
  AnalysisCallbacks cb;
  cb.on_document = [&](AnalyzedDocument&& a) -> Status { return (*sink)->Add(a, on_skip); };
  cb.on_skip = [&](const Skip& s) {
    (*sink)->NoteSkipped();
    progress.Finish();
    on_skip(s);
  };
  cb.on_progress = [&](uint64_t bytes) {
    const IngestStats& s = (*sink)->stats();
    progress.Update(s.documents + s.duplicates + already_stored, bytes, s.claims);
  };
  Status st = RunAnalysis(&reader, *rules, opt.jobs, cb);
  progress.Finish();
  if (!st.ok()) return st;
  auto stats = (*sink)->Finish(&progress, /*inputs_done=*/!reader.stopped());
  if (!stats.ok()) return stats.status();
  stats->stopped = reader.stopped();
  stats->duplicates += already_stored;
  stats->stored_found_after_analysis = without_wal;
  stats->bytes = reader.bytes_read();
  stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace solieu
