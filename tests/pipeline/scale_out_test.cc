// Scale-out as docs/scale-out.md describes it: stateless mappers (extract
// --with-documents) in separate processes, their output loaded into shard
// databases, the shards merged: the same facts as one ingest on one machine.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "test_support.h"

using solieu::testing::RunSolieu;
using solieu::testing::SourcePath;
using solieu::testing::TempDir;
using solieu::testing::WriteFile;

namespace {

std::vector<std::string> SortedLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace

TEST_CASE("Scale-out: 4 mappers in parallel, load, merge equals a single-machine ingest", "[cli][scale]") {
  TempDir tmp;
  std::vector<std::string> texts, jsonl;
  for (const auto& e : std::filesystem::directory_iterator(SourcePath("corpus/samples"))) {
    (e.path().extension() == ".jsonl" ? jsonl : texts).push_back(e.path());
  }
  std::sort(texts.begin(), texts.end());
  REQUIRE(texts.size() >= 3);
  REQUIRE(jsonl.size() == 1);
  // Four mapper processes at once, each on its own shard of the corpus; the
  // last reads its documents as JSONL on stdin, as Hadoop Streaming feeds it.
  std::string mappers;
  for (int shard = 0; shard < 4; ++shard) {
    std::string part = tmp.Path("part-" + std::to_string(shard) + ".jsonl");
    if (shard == 3) {
      mappers += "cat " + jsonl[0] + " | " + SOLIEU_BINARY + " extract --with-documents - > " + part + " & ";
      continue;
    }
    std::string inputs;
    for (size_t i = shard; i < texts.size(); i += 3) inputs += " " + texts[i];
    mappers += std::string(SOLIEU_BINARY) + " extract --with-documents" + inputs + " > " + part + " & ";
  }
  REQUIRE(std::system(("(" + mappers + "wait)").c_str()) == 0);
  std::string out, err;
  for (int shard = 0; shard < 4; ++shard) {
    std::string n = std::to_string(shard);
    REQUIRE(RunSolieu("load --db " + tmp.Path("shard-" + n + ".db") + " " + tmp.Path("part-" + n + ".jsonl"), &out, &err) == 0);
  }
  REQUIRE(RunSolieu("merge --db " + tmp.Path("all.db") + " " + tmp.Path("shard-0.db") + " " + tmp.Path("shard-1.db") +
                        " " + tmp.Path("shard-2.db") + " " + tmp.Path("shard-3.db"), &out, &err) == 0);
  CHECK_THAT(err, Catch::Contains("0 already stored"));
  REQUIRE(RunSolieu("ingest " + SourcePath("corpus/samples") + " --db " + tmp.Path("one.db"), &out, &err) == 0);

  std::string merged, single;
  REQUIRE(RunSolieu("export --db " + tmp.Path("all.db"), &merged) == 0);
  REQUIRE(RunSolieu("export --db " + tmp.Path("one.db"), &single) == 0);
  CHECK(!single.empty());
  CHECK(SortedLines(merged) == SortedLines(single));
  REQUIRE(RunSolieu("export --with-documents --db " + tmp.Path("all.db"), &merged) == 0);
  REQUIRE(RunSolieu("export --with-documents --db " + tmp.Path("one.db"), &single) == 0);
  CHECK(SortedLines(merged) == SortedLines(single));
  // Merging or loading again adds nothing.
  REQUIRE(RunSolieu("merge --db " + tmp.Path("all.db") + " " + tmp.Path("shard-0.db"), &out, &err) == 0);
  CHECK_THAT(err, Catch::Contains("merged 0 documents"));
  REQUIRE(RunSolieu("load --db " + tmp.Path("all.db") + " " + tmp.Path("part-1.jsonl"), &out, &err) == 0);
  CHECK_THAT(err, Catch::Contains("loaded 0 documents"));
  // The merged database is checked like any other.
  CHECK(RunSolieu("check --db " + tmp.Path("all.db") + " --fail-on error", &out, &err) == 4);
}

TEST_CASE("Scale-out: load skips bad lines naming file and line, keeps the good ones", "[cli][scale]") {
  TempDir tmp;
  std::string part = tmp.Path("part.jsonl"), out, err;
  std::string good;
  REQUIRE(RunSolieu("extract --with-documents " + SourcePath("corpus/samples/cao-bang-2022-ket-qua.txt"), &good) == 0);
  // A mapper killed mid-line, a line from another tool, an empty line, then a good line.
  WriteFile(part, good.substr(0, good.size() / 2) + "\n{\"id\": 1}\n\n" + good);
  CHECK(RunSolieu("load --db " + tmp.Path("f.db") + " " + part, &out, &err) == 3);
  CHECK_THAT(err, Catch::Contains("part.jsonl:1: not a solieu document line") && Catch::Contains("part.jsonl:2:") &&
                      Catch::Contains("loaded 1 documents"));
  CHECK(RunSolieu("merge --db " + tmp.Path("f.db") + " " + tmp.Path("f.db"), &out, &err) == 2);
  CHECK(RunSolieu("load --db " + tmp.Path("f.db") + " " + tmp.Path("absent.jsonl"), &out, &err) == 3);
  CHECK_THAT(err, Catch::Contains("absent.jsonl"));
}
