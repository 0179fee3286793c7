#include "pipeline/document_sink.h"

#include <chrono>

#ifndef SOLIEU_VERSION
#define SOLIEU_VERSION "0.0.0"
#endif

namespace solieu {

StatusOr<std::unique_ptr<DocumentSink>> DocumentSink::Open(const std::string& db_path, const std::string& command,
                                                           const std::string& options_json, int batch_documents) {
  auto sink = std::unique_ptr<DocumentSink>(new DocumentSink);
  auto store = Store::Open(db_path, Store::Mode::kReadWrite);
  if (!store.ok()) return store.status();
  sink->store_ = std::move(*store);
  auto unfinished = sink->store_->CountUnfinishedRuns();
  if (!unfinished.ok()) return unfinished.status();
  sink->stats_.unfinished_runs = *unfinished;
  auto run = sink->store_->BeginRun(command, SOLIEU_VERSION, options_json);
  if (!run.ok()) return run.status();
  sink->run_ = *run;
  sink->batch_ = batch_documents;
  SOLIEU_RETURN_IF_ERROR(sink->store_->SetForeignKeys(false));
  auto skipped = sink->store_->StartFirstLoad();
  if (!skipped.ok()) return skipped.status();
  sink->syncs_skipped_ = *skipped;
  SOLIEU_RETURN_IF_ERROR(sink->store_->Begin());
  SOLIEU_RETURN_IF_ERROR(sink->store_->DeferIndexes());
  return sink;
}

Status DocumentSink::Add(const AnalyzedDocument& a, const std::function<void(const Skip&)>& on_skip) {
  auto added = store_->WriteDocument(a, run_);
  if (!added.ok()) {
    if (added.status().code() != Status::Code::kInvalidInput) return added.status();
    ++stats_.skipped;
    on_skip(Skip{added.status().message()});
    return Status::Ok();
  }
  if (!*added) {
    ++stats_.duplicates;
    return Status::Ok();
  }
  ++stats_.documents;
  stats_.sentences += a.sentences.size();
  stats_.claims += a.claims.size();
  if (++in_batch_ >= batch_) {
    SOLIEU_RETURN_IF_ERROR(store_->Commit());
    SOLIEU_RETURN_IF_ERROR(store_->Begin());
    in_batch_ = 0;
  }
  return Status::Ok();
}

StatusOr<IngestStats> DocumentSink::Finish(Progress* progress, bool inputs_done) {
  SOLIEU_RETURN_IF_ERROR(store_->Commit());
  // No ETA: the indexes differ too much in cost to predict one.
  const auto start = std::chrono::steady_clock::now();
  Status built = store_->CreateIndexes(
      [&](int done, int total) { progress->Count(done, total, "indexes built", /*with_eta=*/false); });
  stats_.index_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress->Finish();
  SOLIEU_RETURN_IF_ERROR(built);
  if (inputs_done) SOLIEU_RETURN_IF_ERROR(store_->FinishRun(run_, stats_.documents, stats_.claims, stats_.skipped));
  if (syncs_skipped_) SOLIEU_RETURN_IF_ERROR(store_->FinishFirstLoad());
  return stats_;
}

}  // namespace solieu
