// stage_bench: each analysis stage alone, single-threaded, over a JSONL
// corpus held in memory: read+decode, normalize, split sentences, extract
// (RE2), resolve (entity, period, indicator), then storage alone: SQLite
// rows, the secondary indexes, the search index. Prints one line per stage:
// name, seconds, MB/s of input text, and claims/s for the extraction stages.
// Usage: stage_bench CORPUS.jsonl
#include <chrono>
#include <cstdio>

#include <unistd.h>

#include "corpus/reader.h"
#include "pipeline/analyzer.h"
#include "schema/store.h"

using namespace solieu;

namespace {
double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: stage_bench CORPUS.jsonl\n");
    return 2;
  }
  auto rules = AnalyzerRules::Load();
  auto splitter = SentenceSplitter::Create();
  if (!rules.ok() || !splitter.ok()) return 1;
  auto t = std::chrono::steady_clock::now();
  DocumentReader reader({argv[1]});
  std::vector<Document> docs;
  Document d;
  Skip skip;
  while (true) {
    auto item = reader.Next(&d, &skip);
    if (item == DocumentReader::Item::kEnd) break;
    if (item == DocumentReader::Item::kDocument) docs.push_back(std::move(d));
  }
  double read_s = Since(t);
  double mb = 0;
  for (const auto& doc : docs) mb += doc.text.size() / 1e6;
  auto line = [&](const char* name, double s, double claims) {
    std::printf("%-24s %8.2f s %9.1f MB/s", name, s, mb / s);
    if (claims > 0) std::printf(" %10.0f claims/s", claims / s);
    std::printf("\n");
  };
  line("read + decode (JSONL)", read_s, 0);

  t = std::chrono::steady_clock::now();
  std::vector<NormalizedText> norms;
  for (const auto& doc : docs) norms.push_back((*rules)->normalizer->Normalize(doc.text));
  line("normalize (ICU NFC, tone)", Since(t), 0);

  t = std::chrono::steady_clock::now();
  std::vector<std::vector<SentenceSpan>> spans;
  for (const auto& n : norms) spans.push_back((*splitter)->Split(n.text));
  line("split sentences (ICU)", Since(t), 0);

  // The splitter hands ICU only the text around possible sentence ends;
  // ICU over the whole text is the reference it must equal, and the cost
  // it saves.
  t = std::chrono::steady_clock::now();
  size_t differing = 0;
  for (size_t i = 0; i < norms.size(); ++i) {
    std::vector<SentenceSpan> whole = (*splitter)->SplitWithWholeText(norms[i].text);
    bool same = whole.size() == spans[i].size();
    for (size_t j = 0; same && j < whole.size(); ++j) {
      same = whole[j].begin == spans[i][j].begin && whole[j].end == spans[i][j].end;
    }
    differing += !same;
  }
  line("split, ICU over all text", Since(t), 0);
  if (differing > 0) {
    std::fprintf(stderr, "stage_bench: %zu documents split differently with ICU over the whole text\n", differing);
    return 1;
  }

  t = std::chrono::steady_clock::now();
  std::vector<std::vector<Claim>> claims(docs.size());
  double n_claims = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t s = 0; s < spans[i].size(); ++s) {
      std::string_view sentence = std::string_view(norms[i].text).substr(spans[i][s].begin, spans[i][s].end - spans[i][s].begin);
      for (Claim& c : (*rules)->extractor->Extract(sentence)) {
        c.begin += spans[i][s].begin; c.end += spans[i][s].begin; c.sentence = static_cast<int>(s);
        claims[i].push_back(std::move(c));
      }
    }
    n_claims += claims[i].size();
  }
  line("extract claims (RE2)", Since(t), n_claims);

  t = std::chrono::steady_clock::now();
  for (size_t i = 0; i < docs.size(); ++i) {
    (*rules)->resolver->Resolve(norms[i].text, spans[i], norms[i].published, &claims[i]);
  }
  line("resolve (entity, period)", Since(t), n_claims);

  auto analyzer = Analyzer::Create(*rules);
  std::vector<AnalyzedDocument> analyzed;
  analyzed.reserve(docs.size());  // no reallocation inside the timed loop
  t = std::chrono::steady_clock::now();
  for (auto& doc : docs) analyzed.push_back((*analyzer)->Analyze(std::move(doc)));
  line("whole analysis", Since(t), n_claims);

  t = std::chrono::steady_clock::now();
  size_t key_bytes = 0;
  for (const auto& a : analyzed) {
    for (const std::string& key : a.SearchKeys()) key_bytes += key.size();
  }
  line("fold search keys (ICU)", Since(t), 0);

  // Storage alone: the analyzed documents into a fresh database, in batches
  // of 256 as ingest does; then the secondary indexes, built once at the
  // end; then the search index, built apart (as solieu search or
  // --search-index do), folding included.
  std::string db = "/tmp/stage_bench_" + std::to_string(getpid()) + ".db";
  auto store = Store::Open(db, Store::Mode::kReadWrite);
  if (!store.ok()) return 1;
  t = std::chrono::steady_clock::now();
  auto run = (*store)->BeginRun("bench", "bench", "{}");
  // As ingest's writer does (pipeline/document_sink.cc): no foreign key
  // checks, no syncs until the end of this first load (the kernel asked to
  // write back at each commit), and the keys and indexes built once at the
  // end.
  (*store)->SetForeignKeys(false);
  (void)(*store)->StartFirstLoad();
  (*store)->Begin();
  (*store)->DeferIndexes();
  for (size_t i = 0; i < analyzed.size(); ++i) {
    (*store)->WriteDocument(analyzed[i], *run);
    if (i % 256 == 255) { (*store)->Commit(); (*store)->Begin(); }
  }
  (*store)->Commit();
  double rows = Since(t);
  line("store (SQLite rows)", rows, n_claims);
  t = std::chrono::steady_clock::now();
  (*store)->CreateIndexes();
  double indexes = Since(t);
  line("secondary indexes", indexes, 0);
  t = std::chrono::steady_clock::now();
  (*store)->FinishFirstLoad();
  double sync = Since(t);
  line("sync to disk", sync, 0);
  line("rows + indexes + sync", rows + indexes + sync, n_claims);
  t = std::chrono::steady_clock::now();
  if (!(*store)->UpdateSearchIndex().ok()) return 1;
  line("search index (FTS5)", Since(t), 0);
  store->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
  return 0;
}
