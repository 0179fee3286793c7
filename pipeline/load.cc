#include "pipeline/load.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "corpus/byte_source.h"
#include "pipeline/claim_json.h"
#include "pipeline/document_sink.h"

namespace solieu {
namespace {

// A document line holds the whole document twice over (text and normalized)
// plus its claims: generous, but bounded so a runaway line cannot exhaust memory.
constexpr size_t kMaxDocumentLine = 256u << 20;

StatusOr<IngestStats> Finished(DocumentSink* sink, uint64_t bytes, std::chrono::steady_clock::time_point start) {
  auto stats = sink->Finish();
  if (!stats.ok()) return stats.status();
  stats->bytes = bytes;
  stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace

StatusOr<IngestStats> LoadParts(const std::string& db_path, const std::vector<std::string>& parts,
                                const std::function<void(const Skip&)>& on_skip) {
  auto start = std::chrono::steady_clock::now();
  auto sink = DocumentSink::Open(db_path, "load", nlohmann::json({{"parts", parts}}).dump());
  if (!sink.ok()) return sink.status();
  uint64_t bytes = 0;
  for (const std::string& part : parts) {
    auto src = OpenByteSource(part);
    if (!src.ok()) {
      (*sink)->NoteSkipped();
      on_skip(Skip{src.status().message()});
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
        (*sink)->NoteSkipped();
        on_skip(Skip{where + ": " + read.message()});
        break;
      }
      if (too_long) {
        (*sink)->NoteSkipped();
        on_skip(Skip{where + ": line longer than " + std::to_string(kMaxDocumentLine >> 20) + " MiB, skipped"});
        continue;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      bytes += line.size() + 1;
      AnalyzedDocument doc;
      Status parsed = DocumentFromJson(line, where, &doc);
      if (!parsed.ok()) {
        (*sink)->NoteSkipped();
        on_skip(Skip{parsed.message()});
        continue;
      }
      SOLIEU_RETURN_IF_ERROR((*sink)->Add(doc, on_skip));
    }
  }
  return Finished((*sink).get(), bytes, start);
}

StatusOr<IngestStats> MergeShards(const std::string& db_path, const std::vector<std::string>& shards,
                                  const std::function<void(const Skip&)>& on_skip) {
  auto start = std::chrono::steady_clock::now();
  for (const std::string& shard : shards) {
    if (shard == db_path) return Status::Usage("merge: the output database " + db_path + " is also a shard");
  }
  auto sink = DocumentSink::Open(db_path, "merge", nlohmann::json({{"shards", shards}}).dump());
  if (!sink.ok()) return sink.status();
  uint64_t bytes = 0;
  for (const std::string& shard : shards) {
    auto in = Store::Open(shard, Store::Mode::kReadOnly);
    if (!in.ok()) {
      (*sink)->NoteSkipped();
      on_skip(Skip{in.status().message()});
      continue;
    }
    SOLIEU_RETURN_IF_ERROR((*in)->ForEachDocument([&](const AnalyzedDocument& doc) {
      bytes += doc.doc.text.size();
      return (*sink)->Add(doc, on_skip);
    }));
  }
  return Finished((*sink).get(), bytes, start);
}

}  // namespace solieu
