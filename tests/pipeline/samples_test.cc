// The sample corpus (corpus/samples) ingested end to end through the library.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <set>

#include "pipeline/ingest.h"
#include "schema/store.h"
#include "test_support.h"

using namespace solieu;
using solieu::testing::SourcePath;
using solieu::testing::TempDir;

TEST_CASE("Samples: the sample corpus ingests whole, with exact spans", "[pipeline]") {
  TempDir tmp;
  IngestOptions opt;
  opt.inputs = {SourcePath("corpus/samples")};
  opt.db_path = tmp.Path("s.db");
  opt.jobs = 2;
  std::vector<std::string> skips;
  auto stats = Ingest(opt, [&](const Skip& s) { skips.push_back(s.message); });
  REQUIRE(stats.ok());
  CHECK(skips.empty());
  CHECK(stats->documents >= 8);
  CHECK(stats->claims >= 70);

  auto store = Store::Open(opt.db_path, Store::Mode::kReadOnly);
  REQUIRE(store.ok());
  std::set<std::string> retail_3200_docs, entities;
  REQUIRE((*store)->ForEachDocument([&](const AnalyzedDocument& a) {
    for (const Claim& c : a.claims) {
      CHECK(a.doc.text.substr(c.span_begin, c.span_end - c.span_begin) == c.text);
      if (c.entity) entities.insert(*c.entity);
      if (c.indicator == std::optional<std::string>("retail_sales") && c.value == 3200) retail_3200_docs.insert(a.doc.doc_id);
    }
    return Status::Ok();
  }).ok());
  // The same figure stands in two sample documents (a cross-source confirmation to find).
  CHECK(retail_3200_docs.size() == 2);
  for (const char* city : {"thành phố Cao Bằng", "thành phố Lạng Sơn", "thành phố Thái Nguyên",
                           "thành phố Tuyên Quang", "thành phố Bắc Kạn", "thành phố Hà Giang"}) {
    CHECK(entities.count(city));
  }
}

TEST_CASE("Samples: re-ingesting an unchanged corpus adds nothing", "[pipeline]") {
  TempDir tmp;
  IngestOptions opt;
  opt.inputs = {SourcePath("corpus/samples")};
  opt.db_path = tmp.Path("s.db");
  auto first = Ingest(opt, [](const Skip&) {});
  REQUIRE(first.ok());
  auto second = Ingest(opt, [](const Skip&) {});
  REQUIRE(second.ok());
  CHECK(second->documents == 0);
  CHECK(second->duplicates == first->documents);
  CHECK(second->claims == 0);
}
