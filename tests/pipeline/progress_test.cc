// The progress line: drawn only when enabled, redrawn at most ten times a
// second, with an ETA once the total is known and work is under way; and
// when that total is known.
#include "pipeline/progress.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "pipeline/ingest.h"
#include "test_support.h"

namespace {

// What a Progress wrote, through a memory stream.
struct Captured {
  char* data = nullptr;
  size_t size = 0;
  std::FILE* file = open_memstream(&data, &size);
  ~Captured() { std::free(data); }
  std::string Text() {
    std::fflush(file);
    return std::string(data, size);
  }
};

}  // namespace

TEST_CASE("Progress draws nothing when it is not enabled", "[pipeline][progress]") {
  Captured out;
  solieu::Progress p(false, 1000, out.file);
  p.Update(3, 500, 40);
  p.Count(3, 10, "documents checked");
  p.Finish();
  CHECK(out.Text().empty());
  std::fclose(out.file);
}

TEST_CASE("Progress redraws one line at most ten times a second, then clears it", "[pipeline][progress]") {
  Captured out;
  solieu::Progress p(true, 4000000, out.file);
  p.Update(12, 1000000, 340);
  p.Update(13, 1100000, 350);  // too soon: not drawn
  std::string first = out.Text();
  CHECK(first.rfind("\r\033[K12 documents  1.0 MB  ", 0) == 0);
  CHECK_THAT(first, Catch::Contains("340 claims"));
  CHECK_THAT(first, !Catch::Contains("13 documents"));
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  p.Update(20, 2000000, 600);
  std::string second = out.Text().substr(first.size());
  CHECK(second.rfind("\r\033[K20 documents  2.0 MB  ", 0) == 0);
  CHECK_THAT(second, Catch::Contains("ETA "));  // half of the 4 MB known in advance
  p.Finish();
  CHECK(out.Text().substr(first.size() + second.size()) == "\r\033[K");
  std::fclose(out.file);
}

TEST_CASE("Progress counts things done out of a total", "[pipeline][progress]") {
  Captured out;
  solieu::Progress p(true, 0, out.file);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  p.Count(1234, 14344, "documents checked");
  CHECK_THAT(out.Text(), Catch::StartsWith("\r\033[K1234/14344 documents checked") && Catch::Contains("ETA "));
  std::fclose(out.file);
}

TEST_CASE("Progress draws the line after a clearing at once: the next stage shows without waiting", "[pipeline][progress]") {
  Captured out;
  solieu::Progress p(true, 0, out.file);
  p.Update(12, 1000000, 340);
  p.Finish();  // the documents are read; what follows at once is the index build
  p.Count(0, 7, "indexes built", /*with_eta=*/false);
  CHECK_THAT(out.Text(), Catch::EndsWith("\r\033[K\r\033[K0/7 indexes built"));
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  p.Count(1, 7, "indexes built", /*with_eta=*/false);  // the first index may take longest: no ETA from it
  CHECK_THAT(out.Text(), Catch::EndsWith("\r\033[K1/7 indexes built"));
  p.Finish();
  p.Finish();  // cleared once, not again
  CHECK_THAT(out.Text(), Catch::EndsWith("1/7 indexes built\r\033[K"));
  std::fclose(out.file);
}

TEST_CASE("The total an ETA is measured against is known only for files read as they are", "[pipeline][progress]") {
  solieu::testing::TempDir tmp;
  solieu::testing::WriteFile(tmp.Path("a.txt"), "Thành phố có 4.284 đảng viên.");
  solieu::testing::WriteFile(tmp.Path("b.jsonl"), "{\"text\": \"Có 47 doanh nghiệp.\"}\n");
  solieu::testing::WriteFile(tmp.Path("c.jsonl.gz"), "not read here");
  uint64_t plain = std::string("Thành phố có 4.284 đảng viên.").size() + 35;
  CHECK(solieu::KnownInputBytes({tmp.Path("a.txt"), tmp.Path("b.jsonl")}) == plain);
  // Decompressed, in a directory, or on stdin: bytes only known as they come.
  CHECK(solieu::KnownInputBytes({tmp.Path("a.txt"), tmp.Path("c.jsonl.gz")}) == 0);
  CHECK(solieu::KnownInputBytes({tmp.Path("a.txt"), tmp.Path("")}) == 0);
  CHECK(solieu::KnownInputBytes({tmp.Path("a.txt"), "-"}) == 0);
}
