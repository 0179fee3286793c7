#include "pipeline/load.h"

#include <chrono>
#include <thread>
#include <nlohmann/json.hpp>

#include "corpus/byte_source.h"
#include "pipeline/bounded_queue.h"
#include "pipeline/claim_json.h"
#include "pipeline/document_sink.h"
#include "pipeline/progress.h"

namespace solieu {
namespace {

// A document line holds the whole document twice over (text and normalized)
// plus its claims: generous, but bounded so a runaway line cannot exhaust memory.
constexpr size_t kMaxDocumentLine = 256u << 20;

StatusOr<IngestStats> Finished(DocumentSink* sink, uint64_t bytes, std::chrono::steady_clock::time_point start,
                               Progress* line, bool stopped) {
  auto stats = sink->Finish(line, /*inputs_done=*/!stopped);
  if (!stats.ok()) return stats.status();
  stats->stopped = stopped;
  stats->bytes = bytes;
  stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

// What the parsing thread hands the writer, in line order: a document
// ready to store (search keys made), or a line skipped with its reason.
struct LoadItem {
  AnalyzedDocument doc;
  std::optional<Skip> skip;
  uint64_t bytes = 0;
};

// The parsing thread: reads every part's lines, parses and checks each
// document line, so that the writer thread only writes. Stops early when the
// writer closes the queue.
void ParseParts(const std::vector<std::string>& parts, BoundedQueue<LoadItem>* queue) {
  auto skipped = [&](std::string message, uint64_t bytes = 0) {
    LoadItem item;
    item.skip = Skip{std::move(message)};
    item.bytes = bytes;
    return queue->Push(std::move(item));
  };
  for (const std::string& part : parts) {
    auto src = OpenByteSource(part);
    if (!src.ok()) {
      if (!skipped(src.status().message())) return;
      continue;
    }
    LineReader lines(std::move(*src), kMaxDocumentLine);
    std::string line;
    size_t lineno = 0;
    bool too_long = false;
    Status read;
    while (lines.Next(&line, &lineno, &too_long, &read)) {
      std::string where = part + ":" + std::to_string(lineno);
      if (!read.ok()) {
        skipped(where + ": " + read.message());
        break;
      }
      if (too_long) {
        if (!skipped(where + ": line longer than " + std::to_string(kMaxDocumentLine >> 20) + " MiB, skipped")) return;
        continue;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      LoadItem item;
      item.bytes = line.size() + 1;
      Status parsed = DocumentFromJson(line, where, &item.doc);
      if (!parsed.ok()) {
        if (!skipped(parsed.message(), item.bytes)) return;
        continue;
      }
      if (!queue->Push(std::move(item))) return;
    }
  }
}

}  // namespace

StatusOr<IngestStats> LoadParts(const std::string& db_path, const std::vector<std::string>& parts,
                                const std::function<void(const Skip&)>& on_skip, bool progress,
                                const std::function<bool()>& stop) {
  auto start = std::chrono::steady_clock::now();
  auto sink = DocumentSink::Open(db_path, "load", nlohmann::json({{"parts", parts}}).dump());
  if (!sink.ok()) return sink.status();
  // Parsing a document line costs about as much as storing it: one thread
  // parses while this one writes.
  BoundedQueue<LoadItem> queue(16);
  std::thread parser([&] {
    ParseParts(parts, &queue);
    queue.Finish();
  });
  Progress line(progress, KnownInputBytes(parts));
  uint64_t bytes = 0;
  Status st;
  bool stopped = false;
  while (auto item = queue.Pop()) {
    if (stop && stop()) {
      stopped = true;
      break;
    }
    bytes += item->bytes;
    if (item->skip) {
      (*sink)->NoteSkipped();
      on_skip(*item->skip);
      continue;
    }
    st = (*sink)->Add(item->doc, on_skip);
    if (!st.ok()) break;
    line.Update((*sink)->stats().documents, bytes, (*sink)->stats().claims);
  }
  line.Finish();
  queue.Close();
  parser.join();
  if (!st.ok()) return st;
  return Finished((*sink).get(), bytes, start, &line, stopped);
}

StatusOr<IngestStats> MergeShards(const std::string& db_path, const std::vector<std::string>& shards,
                                  const std::function<void(const Skip&)>& on_skip, bool progress,
                                  const std::function<bool()>& stop) {
  auto start = std::chrono::steady_clock::now();
  for (const std::string& shard : shards) {
    if (shard == db_path) return Status::Usage("merge: the output database " + db_path + " is also a shard");
  }
  auto sink = DocumentSink::Open(db_path, "merge", nlohmann::json({{"shards", shards}}).dump());
  if (!sink.ok()) return sink.status();
  Progress line(progress, 0);
  uint64_t bytes = 0;
  bool stopped = false;
  for (const std::string& shard : shards) {
    auto in = Store::Open(shard, Store::Mode::kReadOnly);
    if (!in.ok()) {
      (*sink)->NoteSkipped();
      on_skip(Skip{in.status().message()});
      continue;
    }
    Status walked = (*in)->ForEachDocument([&](const AnalyzedDocument& doc) {
      if (stop && stop()) {
        stopped = true;
        return Status::Usage("stopped");  // ends the walk; not an error of the merge
      }
      bytes += doc.doc.text.size();
      Status added = (*sink)->Add(doc, on_skip);
      line.Update((*sink)->stats().documents, bytes, (*sink)->stats().claims);
      return added;
    });
    if (stopped) break;
    SOLIEU_RETURN_IF_ERROR(walked);
  }
  line.Finish();
  return Finished((*sink).get(), bytes, start, &line, stopped);
}

}  // namespace solieu
