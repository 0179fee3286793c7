#include "pipeline/parallel.h"

#include <sys/resource.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <dirent.h>
#include <fstream>
#include <sstream>

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
    std::ifstream in(std::string("/proc/self/task/") + e->d_name + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
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

#ifdef __linux__
TEST_CASE("RunAnalysis runs its analysis threads nicer than the writer, which never waits behind them",
          "[pipeline]") {
  auto rules = AnalyzerRules::Load();
  REQUIRE(rules.ok());
  const int base = getpriority(PRIO_PROCESS, 0);
  const int lowered = std::min(base + kAnalysisNiceness, 19);
  if (lowered == base) {
    WARN("this process already runs at the lowest priority: nothing to lower, skipped");
    return;
  }
  DocumentReader reader({SourcePath("corpus/samples")}, ReaderOptions{});
  const int jobs = 2;
  int seen_writer = base, seen_lowered = 0;
  AnalysisCallbacks cb;
  cb.on_document = [&](AnalyzedDocument&&) {
    // On the writer's thread; the workers have started by some document and
    // end only after the last is read, so the most seen at once is all of them.
    if (getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())) != base) seen_writer = -1;
    int lowered_now = 0;
    for (int nice : ThreadNiceValues()) lowered_now += nice == lowered;
    seen_lowered = std::max(seen_lowered, lowered_now);
    return Status::Ok();
  };
  REQUIRE(RunAnalysis(&reader, *rules, jobs, cb).ok());
  CHECK(seen_writer == base);
  CHECK(seen_lowered == jobs);
  CHECK(getpriority(PRIO_PROCESS, 0) == base);  // the calling thread keeps its own
}
#endif
