// What Ingest sets up around the pipeline: the reader's lookup connection.
// (Whole ingests are checked in samples_test, parallel_test and scale_out_test.)
#include "pipeline/ingest.h"

#include <catch2/catch.hpp>

#include "schema/store.h"
#include "schema/store_test_support.h"
#include "test_support.h"

using namespace solieu;

TEST_CASE("The reader's lookup connection caches 256 KiB of pages, and the writer's keeps SQLite's default",
          "[pipeline]") {
  testing::TempDir tmp;
  auto writer = Store::Open(tmp.Path("f.db"), Store::Mode::kReadWrite);
  REQUIRE(writer.ok());
  const int64_t writer_cache = testing::Count(**writer, "PRAGMA cache_size");
  auto lookup = OpenStoredLookup(tmp.Path("f.db"));
  REQUIRE(lookup.ok());
  // Negative: KiB rather than pages. 256 KiB at most, whatever the page size.
  CHECK(testing::Count(**lookup, "PRAGMA cache_size") == -256);
  CHECK(testing::Count(**writer, "PRAGMA cache_size") == writer_cache);
  CHECK(writer_cache != -256);
  // It answers the reader's question on the file the writer fills.
  auto stored = (*lookup)->HasContent("0000");
  REQUIRE(stored.ok());
  CHECK_FALSE(*stored);
}

TEST_CASE("The reader's lookup connection names the database it cannot open", "[pipeline]") {
  testing::TempDir tmp;
  auto lookup = OpenStoredLookup(tmp.Path("no-such-dir/f.db"));
  REQUIRE_FALSE(lookup.ok());
  CHECK_THAT(lookup.status().message(), Catch::Contains("no-such-dir/f.db"));
}
