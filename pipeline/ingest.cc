#include "pipeline/ingest.h"

#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>

#include "corpus/rules.h"
#include "pipeline/analyzer.h"
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
    if (stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode)) total += st.st_size;
  }
  return total;
}

StatusOr<IngestStats> Ingest(const IngestOptions& opt, const std::function<void(const Skip&)>& on_skip) {
  auto start = std::chrono::steady_clock::now();
  auto rules = AnalyzerRules::Load();
  if (!rules.ok()) return rules.status();
  auto store = Store::Open(opt.db_path, Store::Mode::kReadWrite);
  if (!store.ok()) return store.status();
  // A second connection for the reader thread's "already stored?" question.
  auto lookup = Store::Open(opt.db_path, Store::Mode::kReadWrite);
  if (!lookup.ok()) return lookup.status();

  IngestStats stats;
  auto unfinished = (*store)->CountUnfinishedRuns();
  if (!unfinished.ok()) return unfinished.status();
  stats.unfinished_runs = *unfinished;
  nlohmann::json options = {{"inputs", opt.inputs}, {"jobs", opt.jobs}, {"encoding", opt.reader.encoding}};
  auto run = (*store)->BeginRun("ingest", SOLIEU_VERSION, options.dump());
  if (!run.ok()) return run.status();

  Progress progress(opt.progress, KnownInputBytes(opt.inputs));
  DocumentReader reader(opt.inputs, opt.reader);
  int in_batch = 0;
  Status st = (*store)->Begin();
  if (!st.ok()) return st;

  std::atomic<uint64_t> already_stored{0};  // counted on the reader thread
  AnalysisCallbacks cb;
  cb.wanted = [&](const Document& d) {
    auto has = (*lookup)->HasContent(d.content_hash);
    if (has.ok() && *has) {
      ++already_stored;
      return false;
    }
    return true;
  };
  cb.on_document = [&](AnalyzedDocument&& a) -> Status {
    auto added = (*store)->WriteDocument(a, *run);
    if (!added.ok()) {
      if (added.status().code() != Status::Code::kInvalidInput) return added.status();
      ++stats.skipped;
      on_skip(Skip{added.status().message()});
      return Status::Ok();
    }
    if (!*added) { ++stats.duplicates; return Status::Ok(); }
    ++stats.documents;
    stats.sentences += a.sentences.size();
    stats.claims += a.claims.size();
    if (++in_batch >= opt.batch_documents) {
      SOLIEU_RETURN_IF_ERROR((*store)->Commit());
      SOLIEU_RETURN_IF_ERROR((*store)->Begin());
      in_batch = 0;
    }
    return Status::Ok();
  };
  cb.on_skip = [&](const Skip& s) {
    ++stats.skipped;
    progress.Finish();
    on_skip(s);
  };
  cb.on_progress = [&](uint64_t bytes) {
    stats.bytes = bytes;
    progress.Update(stats.documents + stats.duplicates + already_stored, bytes, stats.claims);
  };
  st = RunAnalysis(&reader, *rules, opt.jobs, cb);
  progress.Finish();
  if (!st.ok()) return st;
  SOLIEU_RETURN_IF_ERROR((*store)->Commit());
  auto fts_start = std::chrono::steady_clock::now();
  SOLIEU_RETURN_IF_ERROR((*store)->Begin());
  auto indexed = (*store)->IndexSentences(*run);
  if (!indexed.ok()) return indexed.status();
  SOLIEU_RETURN_IF_ERROR((*store)->Commit());
  stats.search_index_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - fts_start).count();
  SOLIEU_RETURN_IF_ERROR((*store)->CreateIndexes());
  SOLIEU_RETURN_IF_ERROR((*store)->FinishRun(*run, stats.documents, stats.claims, stats.skipped));
  stats.duplicates += already_stored;
  stats.bytes = reader.bytes_read();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace solieu
