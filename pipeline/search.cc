#include "pipeline/search.h"

#include <chrono>
#include <set>

#include "extractors/text_scan.h"
#include "normalizers/folding.h"
#include "pipeline/progress.h"
#include "schema/store.h"

namespace solieu {

std::string MarkWords(const std::string& s, const std::string& folded_query, const SearchOptions& o) {
  std::set<std::string> words;
  size_t pos = 0;
  while (pos < folded_query.size()) {
    size_t end = folded_query.find(' ', pos);
    if (end == std::string::npos) end = folded_query.size();
    if (end > pos) words.insert(folded_query.substr(pos, end - pos));
    pos = end + 1;
  }
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsWordCharAt(s, i)) { out += s[i++]; continue; }
    size_t j = i;
    while (j < s.size() && IsWordCharAt(s, j)) {
      ++j;
      while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    }
    std::string word = s.substr(i, j - i);
    if (words.count(Fold(word))) out += o.mark_open + word + o.mark_close;
    else out += word;
    i = j;
  }
  return out;
}

StatusOr<SearchIndexStats> IndexForSearch(const std::string& db_path, bool progress) {
  auto start = std::chrono::steady_clock::now();
  // A database that cannot be written (a read-only copy) fails here: say
  // what would fix it. Open's and the update's messages name the database.
  auto hint = [](const Status& failed) {
    if (failed.code() != Status::Code::kIoError) return failed;
    return Status::IoError(failed.message() + " (the search index could not be brought up to date: run solieu"
                           " search or ingest --search-index once with write access to the database)");
  };
  auto store = Store::Open(db_path, Store::Mode::kReadWrite);
  if (!store.ok()) return hint(store.status());
  auto unindexed = (*store)->CountUnindexedDocuments();
  if (!unindexed.ok()) return hint(unindexed.status());
  SearchIndexStats stats;
  if (*unindexed > 0) {
    Progress line(progress, 0);
    Status updated = (*store)->UpdateSearchIndex([&](int64_t done) {
      line.Count(static_cast<uint64_t>(done), static_cast<uint64_t>(*unindexed), "documents indexed for search");
    });
    line.Finish();
    if (!updated.ok()) return hint(updated);
    stats.documents = *unindexed;
  }
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

StatusOr<int64_t> SearchSentences(const std::string& db_path, const std::string& query, const SearchOptions& o,
                                  std::ostream& out) {
  auto store = Store::Open(db_path, Store::Mode::kReadOnly);
  if (!store.ok()) return store.status();
  auto unindexed = (*store)->CountUnindexedDocuments();
  if (!unindexed.ok()) return unindexed.status();
  if (*unindexed > 0) {
    store->reset();  // the update takes the write lock on its own connection
    auto indexed = IndexForSearch(db_path, o.progress);
    if (!indexed.ok()) return indexed.status();
    store = Store::Open(db_path, Store::Mode::kReadOnly);
    if (!store.ok()) return store.status();
  }
  std::string folded = Fold(query);
  auto hits = (*store)->Search(folded, o.limit);
  if (!hits.ok()) return hits.status();
  for (const auto& h : *hits) {
    out << h.source << " (" << h.doc_id << ", sentence " << h.sentence_idx << ")\n  "
        << MarkWords(h.sentence, folded, o) << "\n";
  }
  return static_cast<int64_t>(hits->size());
}

}  // namespace solieu
