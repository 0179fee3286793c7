// Load and merge stopped part way (as by Ctrl-C): what they stored is whole
// and indexed, and the same command again goes on to the whole result.
// (Whole loads and merges are checked in scale_out_test.)
#include "pipeline/load.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <sstream>

#include "pipeline/export.h"
#include "schema/store.h"
#include "schema/store_test_support.h"
#include "test_support.h"

using namespace solieu;

namespace {

std::string Exported(const std::string& db) {
  std::ostringstream out;
  REQUIRE(ExportDatabase(db, /*with_documents=*/true, "", out).ok());
  return out.str();
}

// The database after a stop: how many documents, unfinished runs and missing indexes.
struct Left {
  int64_t documents, unfinished_runs;
  size_t missing_indexes;
};
Left LeftIn(const std::string& db) {
  auto store = Store::Open(db, Store::Mode::kReadOnly);
  REQUIRE(store.ok());
  auto missing = (*store)->MissingIndexes();
  REQUIRE(missing.ok());
  return {testing::Count(**store, "SELECT count(*) FROM documents"),
          testing::Count(**store, "SELECT count(*) FROM runs WHERE finished_at IS NULL"), missing->size()};
}

auto NoSkip = [](const Skip& s) { FAIL("unexpected skip: " << s.message); };

// Runs `stored` (a load or merge into f.db) stopped after three documents,
// checks what it left, runs it again in full, and checks the result equals
// the database at `whole` (`total` documents).
void StopThenGoOn(testing::TempDir& tmp, const std::function<StatusOr<IngestStats>(std::function<bool()>)>& stored,
                  const std::string& whole, uint64_t total) {
  int asked = 0;
  auto stopped = stored([&] { return ++asked > 3; });  // as Ctrl-C would, after the third
  REQUIRE(stopped.ok());
  CHECK(stopped->stopped);
  CHECK(stopped->documents == 3);
  Left left = LeftIn(tmp.Path("f.db"));
  CHECK(left.documents == 3);
  CHECK(left.unfinished_runs == 1);
  CHECK(left.missing_indexes == 0);

  auto rest = stored(nullptr);
  REQUIRE(rest.ok());
  CHECK_FALSE(rest->stopped);
  CHECK(rest->documents == total - 3);
  CHECK(Exported(tmp.Path("f.db")) == Exported(whole));
}

}  // namespace

TEST_CASE("A load stopped after some document lines stores them whole and indexed, and the same load again goes on",
          "[pipeline]") {
  testing::TempDir tmp;
  {
    std::ofstream part(tmp.Path("part-0000.jsonl"));
    REQUIRE(ExtractToStream({testing::SourcePath("corpus/samples")}, {}, /*with_documents=*/true, 2, part, NoSkip).ok());
  }
  auto whole = LoadParts(tmp.Path("whole.db"), {tmp.Path("part-0000.jsonl")}, NoSkip);
  REQUIRE(whole.ok());
  REQUIRE(whole->documents > 3);
  CHECK_FALSE(whole->stopped);
  StopThenGoOn(
      tmp, [&](std::function<bool()> stop) { return LoadParts(tmp.Path("f.db"), {tmp.Path("part-0000.jsonl")}, NoSkip, false, stop); },
      tmp.Path("whole.db"), whole->documents);
}

TEST_CASE("A merge stopped after some documents stores them whole and indexed, and the same merge again goes on",
          "[pipeline]") {
  testing::TempDir tmp;
  IngestOptions opt;
  opt.inputs = {testing::SourcePath("corpus/samples")};
  opt.db_path = tmp.Path("shard.db");
  auto shard = Ingest(opt, NoSkip);
  REQUIRE(shard.ok());
  REQUIRE(shard->documents > 3);
  StopThenGoOn(
      tmp, [&](std::function<bool()> stop) { return MergeShards(tmp.Path("f.db"), {tmp.Path("shard.db")}, NoSkip, false, stop); },
      tmp.Path("shard.db"), shard->documents);
}
