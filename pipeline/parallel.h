// RunAnalysis: reader → `jobs` analyzer threads → the caller's sink, in
// input order, through bounded queues, so that output is the same whatever
// `jobs` is and memory does not grow with the corpus.
#ifndef SOLIEU_PIPELINE_PARALLEL_H_
#define SOLIEU_PIPELINE_PARALLEL_H_

#include <functional>
#include <memory>

#include "corpus/reader.h"
#include "extractors/analyzed_document.h"
#include "pipeline/analyzer.h"

namespace solieu {

struct AnalysisCallbacks {
  // On the reader thread, before any analysis: false skips the document
  // silently (e.g. already stored). May be empty.
  std::function<bool(const Document&)> wanted;
  // On the calling thread, in input order. An error stops the run.
  std::function<Status(AnalyzedDocument&&)> on_document;
  std::function<void(const Skip&)> on_skip;
  // On the calling thread, for progress reports: after each document and
  // skip, and once per run of documents not wanted (up to 256 or 1 MiB).
  std::function<void(uint64_t bytes_read)> on_progress;
};

// When there are as many analysis threads as cores, they run this much
// nicer than the calling thread, which writes (Linux): the writer is the one
// stage that cannot be spread over cores, so it must not wait for a core
// behind them. With fewer, a core is left for it and they keep its priority.
constexpr int kAnalysisNiceness = 8;

// The document text between the reader and the sink at any time, beside a
// bound on the number of documents: without it memory followed the size of
// the documents. 99 reports of 2 MB peaked at 254 / 282 MB with 1 / 2 jobs;
// bounded by 16, 8 and 4 MiB, at 106 / 128, 94 / 128 and 89 / 117 MB,
// what is left being each document's own analysis. 10 KB documents never
// reach it. One document larger than it still passes, alone.
constexpr uint64_t kInFlightTextBytes = uint64_t{8} << 20;

// Returns the first error a callback returned, else ok.
Status RunAnalysis(DocumentReader* reader, std::shared_ptr<const AnalyzerRules> rules, int jobs,
                   const AnalysisCallbacks& callbacks, uint64_t in_flight_text_bytes = kInFlightTextBytes);

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_PARALLEL_H_
