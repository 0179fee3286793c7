#include "pipeline/parallel.h"

#include <sys/resource.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <dirent.h>
#include <fcntl.h>
#include <mutex>
#include <sstream>
#include <thread>

#include "test_support.h"

using namespace solieu;
using solieu::testing::SourcePath;

namespace {

// The nice value of each thread of this process, from /proc/self/task/*/stat
// (the field after the parenthesised name: state is 1st, nice the 17th).
std::vector<int> ThreadNiceValues() {
  std::vector<int> out;
  DIR* dir = opendir("/proc/self/task");
  if (!dir) return out;
  while (dirent* e = readdir(dir)) {
    if (e->d_name[0] == '.') continue;
    // read(2), not a stream: a thread that ends meanwhile fails the read
    // (ESRCH), which libstdc++'s filebuf throws for.
    int fd = open((std::string("/proc/self/task/") + e->d_name + "/stat").c_str(), O_RDONLY);
    if (fd < 0) continue;
    char buf[1024];
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    if (n <= 0) continue;
    std::string stat(buf, static_cast<size_t>(n));
    size_t close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(stat.substr(close + 2));
    std::string field;
    for (int i = 1; i <= 17 && fields >> field; ++i) {
      if (i == 17) out.push_back(std::stoi(field));
    }
  }
  closedir(dir);
  return out;
}

// `n` one-figure report sentences as JSONL documents "d0", "d1", ..., every
// `broken_every`-th line cut short (0: none); their ids in order, "skip" for
// a line cut short.
std::vector<std::string> WriteManyDocuments(const std::string& path, int n, int broken_every = 0) {
  std::string corpus;
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) {
    std::string id = "d" + std::to_string(i);
    if (broken_every > 0 && i % broken_every == broken_every - 1) {
      corpus += "{\"id\": \"" + id + "\", \"text\": \"Thu ngân sách\n";
      ids.push_back("skip");
      continue;
    }
    corpus += "{\"id\": \"" + id + "\", \"text\": \"Năm 2023, thu ngân sách trên địa bàn đạt " +
              std::to_string(500 + i) + " tỷ đồng.\"}\n";
    ids.push_back(id);
  }
  solieu::testing::WriteFile(path, corpus);
  return ids;
}

}  // namespace

TEST_CASE("RunAnalysis delivers every document in input order whatever the number of jobs", "[pipeline]") {
  auto rules = AnalyzerRules::Load();
  REQUIRE(rules.ok());
  std::vector<std::string> first;
  for (int jobs : {1, 2, 3}) {
    DocumentReader reader({SourcePath("corpus/samples")}, ReaderOptions{});
    std::vector<std::string> order;
    AnalysisCallbacks cb;
    cb.on_document = [&](AnalyzedDocument&& a) {
      order.push_back(a.doc.source + " " + std::to_string(a.claims.size()));
      return Status::Ok();
    };
    REQUIRE(RunAnalysis(&reader, *rules, jobs, cb).ok());
    CHECK(order.size() >= 8);
    if (first.empty()) first = order;
    CHECK(order == first);
  }
}

TEST_CASE("RunAnalysis delivers documents and skips in input order through many refills of its window", "[pipeline]") {
  // Twenty times as many lines as may be in flight, every seventh one
  // broken: the reader waits for room again and again, and skips pass the
  // workers by on their way to the writer.
  auto rules = AnalyzerRules::Load();
  REQUIRE(rules.ok());
  solieu::testing::TempDir tmp;
  const std::vector<std::string> expected = WriteManyDocuments(tmp.Path("many.jsonl"), 20 * 192, 7);
  for (int jobs : {1, 2, 3}) {
    DocumentReader reader({tmp.Path("many.jsonl")}, ReaderOptions{});
    std::vector<std::string> seen;
    AnalysisCallbacks cb;
    cb.on_document = [&](AnalyzedDocument&& a) {
      seen.push_back(a.doc.doc_id);
      if (a.claims.size() != 1) seen.back() += " without its claim";
      return Status::Ok();
    };
    cb.on_skip = [&](const Skip&) { seen.push_back("skip"); };
    REQUIRE(RunAnalysis(&reader, *rules, jobs, cb).ok());
    CHECK(seen == expected);
  }
}

TEST_CASE("RunAnalysis holds no more document text in flight than its bound, however long the documents", "[pipeline]") {
  // Forty reports of about 40 KB (one figure in each paragraph): under the
  // bound on documents in flight, all forty could be read before the first
  // is written. A slow writer lets the reader run as far ahead as it may.
  auto rules = AnalyzerRules::Load();
  REQUIRE(rules.ok());
  solieu::testing::TempDir tmp;
  std::string corpus;
  size_t longest = 0;
  for (int i = 0; i < 40; ++i) {
    std::string text;
    for (int p = 0; p < 300; ++p) {
      text += "Năm 2023, thu ngân sách trên địa bàn xã " + std::to_string(p) + " đạt " + std::to_string(500 + i) +
              " triệu đồng.\\n";
    }
    longest = std::max(longest, text.size());  // as written, escapes and all: an upper bound
    corpus += "{\"id\": \"r" + std::to_string(i) + "\", \"text\": \"" + text + "\"}\n";
  }
  solieu::testing::WriteFile(tmp.Path("long.jsonl"), corpus);
  const uint64_t bound = 160 << 10;  // about four of them
  for (int jobs : {1, 2}) {
    DocumentReader reader({tmp.Path("long.jsonl")}, ReaderOptions{});
    uint64_t read = 0, written = 0, most = 0;  // text bytes; `read` on the reader thread
    std::mutex mu;
    int documents = 0;
    AnalysisCallbacks cb;
    cb.wanted = [&](const Document& d) {
      std::lock_guard<std::mutex> lock(mu);
      read += d.text.size();
      most = std::max(most, read - written);
      return true;
    };
    cb.on_document = [&](AnalyzedDocument&& a) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      std::lock_guard<std::mutex> lock(mu);
      written += a.doc.text.size();
      ++documents;
      return Status::Ok();
    };
    REQUIRE(RunAnalysis(&reader, *rules, jobs, cb, bound).ok());
    CHECK(documents == 40);
    CHECK(most > bound / 2);  // the reader did run ahead
    // Beyond the bound: the document just read, and the one the writer has
    // taken from the window but not yet counted here.
    CHECK(most <= bound + 2 * longest);
  }
}

TEST_CASE("RunAnalysis passes documents it is not to analyze to the writer a run at a time, in order", "[pipeline]") {
  // A re-ingest: every document already stored but every tenth. The writer
  // gets each wanted one in order, and a progress report for the rest now
  // and then, not one wake-up per document.
  auto rules = AnalyzerRules::Load();
  REQUIRE(rules.ok());
  solieu::testing::TempDir tmp;
  const std::vector<std::string> ids = WriteManyDocuments(tmp.Path("many.jsonl"), 20 * 192);
  std::vector<std::string> expected;
  for (size_t i = 0; i < ids.size(); i += 10) expected.push_back(ids[i]);
  for (int jobs : {1, 2}) {
    DocumentReader reader({tmp.Path("many.jsonl")}, ReaderOptions{});
    std::vector<std::string> seen;
    int reports = 0;
    uint64_t last_bytes = 0;
    bool bytes_grow = true;
    AnalysisCallbacks cb;
    cb.wanted = [](const Document& d) { return std::stoi(d.doc_id.substr(1)) % 10 == 0; };
    cb.on_document = [&](AnalyzedDocument&& a) {
      seen.push_back(a.doc.doc_id);
      return Status::Ok();
    };
    cb.on_progress = [&](uint64_t bytes) {
      ++reports;
      bytes_grow &= bytes > last_bytes;
      last_bytes = bytes;
    };
    REQUIRE(RunAnalysis(&reader, *rules, jobs, cb).ok());
    CHECK(seen == expected);
    CHECK(bytes_grow);
    // One report per wanted document, and one per run of unwanted ones
    // long enough to report: far fewer than one per document.
    CHECK(reports >= static_cast<int>(expected.size()));
    CHECK(reports < static_cast<int>(expected.size()) + static_cast<int>(ids.size()) / 8);
  }
}

#ifdef __linux__
namespace {

// Runs `jobs` workers over more short documents than may be in flight, so
// that the reader (and with it every worker) lives on while the writer takes
// the first ones; returns how many threads ran at `lowered` at once (at
// most), and whether the writer kept `base` throughout.
std::pair<int, bool> LoweredThreads(int jobs, int base, int lowered) {
  auto rules = AnalyzerRules::Load();
  REQUIRE(rules.ok());
  solieu::testing::TempDir tmp;
  WriteManyDocuments(tmp.Path("many.jsonl"), jobs * 64 + 200);
  DocumentReader reader({tmp.Path("many.jsonl")}, ReaderOptions{});
  int most = 0;
  bool writer_kept = true;
  AnalysisCallbacks cb;
  cb.on_document = [&](AnalyzedDocument&&) {
    // On the writer's thread; the workers have started by some document and
    // end only after the last is read, so the most seen at once is all of them.
    writer_kept &= getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())) == base;
    int now = 0;
    for (int nice : ThreadNiceValues()) now += nice == lowered;
    most = std::max(most, now);
    return Status::Ok();
  };
  REQUIRE(RunAnalysis(&reader, *rules, jobs, cb).ok());
  return {most, writer_kept};
}

}  // namespace

TEST_CASE("RunAnalysis runs as many analysis threads as cores nicer than the writer, fewer at its priority",
          "[pipeline]") {
  const int base = getpriority(PRIO_PROCESS, 0);
  const int lowered = std::min(base + kAnalysisNiceness, 19);
  if (lowered == base) {
    WARN("this process already runs at the lowest priority: nothing to lower, skipped");
    return;
  }
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  auto [most, writer_kept] = LoweredThreads(cores, base, lowered);
  CHECK(most == cores);
  CHECK(writer_kept);
  CHECK(getpriority(PRIO_PROCESS, 0) == base);  // the calling thread keeps its own
  if (cores >= 2) {
    auto [fewer_most, fewer_writer_kept] = LoweredThreads(cores - 1, base, lowered);
    CHECK(fewer_most == 0);
    CHECK(fewer_writer_kept);
  }
}
#endif
