#include "corpus/byte_source.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <catch2/catch.hpp>

#include "test_support.h"

using namespace solieu;
using solieu::testing::ReadFile;
using solieu::testing::TempDir;
using solieu::testing::WriteFile;

namespace {

const std::string kLine1 = "{\"id\": \"a\", \"text\": \"Trồng rừng đạt 172,86ha.\"}\n";
const std::string kLine2 = "{\"id\": \"b\", \"text\": \"Tổng mức bán lẻ đạt 3.645 tỷ đồng.\"}\n";

// Every line of `path`, and the error that ended the reading (ok at a clean
// end), with the number of the line it was reading then.
struct Lines {
  std::vector<std::string> lines;
  Status status;
  size_t failed_at = 0;
};
Lines ReadLines(const std::string& path) {
  auto src = OpenByteSource(path);
  REQUIRE(src.ok());
  LineReader reader(std::move(*src), 1 << 20);
  Lines out;
  std::string line;
  size_t lineno = 0;
  bool too_long;
  while (reader.Next(&line, &lineno, &too_long, &out.status)) {
    if (!out.status.ok()) {
      out.failed_at = lineno;
      break;
    }
    out.lines.push_back(line);
  }
  return out;
}

// A gzip file holding kLine1, flushed, then kLine2; returns the size of the
// file at the flush: cut there, it ends between the lines, inside the stream.
off_t WriteGzipWithFlush(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "wb");
  gzwrite(f, kLine1.data(), static_cast<unsigned>(kLine1.size()));
  gzflush(f, Z_SYNC_FLUSH);
  off_t at_flush = gzoffset(f);
  gzwrite(f, kLine2.data(), static_cast<unsigned>(kLine2.size()));
  gzclose(f);
  return at_flush;
}

off_t WriteZstdWithFlush(const std::string& path) {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  std::string out;
  off_t at_flush = 0;
  for (const std::string* line : {&kLine1, &kLine2}) {
    ZSTD_inBuffer in{line->data(), line->size(), 0};
    ZSTD_EndDirective mode = line == &kLine1 ? ZSTD_e_flush : ZSTD_e_end;
    size_t left;
    do {
      char buf[4096];
      ZSTD_outBuffer o{buf, sizeof buf, 0};
      left = ZSTD_compressStream2(cctx, &o, &in, mode);
      REQUIRE(!ZSTD_isError(left));
      out.append(buf, o.pos);
    } while (left != 0);
    if (line == &kLine1) at_flush = static_cast<off_t>(out.size());
  }
  ZSTD_freeCCtx(cctx);
  WriteFile(path, out);
  return at_flush;
}

}  // namespace

// Writes the two lines to `path` with `write` (which returns the size at
// the flush between them), cuts the file there, and reads it back: the first
// line, then an error at the second that names the file and says why.
static Lines CutBetweenLines(const std::string& path, off_t (*write)(const std::string&), const std::string& why) {
  off_t at_flush = write(path);
  Lines whole = ReadLines(path);
  CHECK(whole.status.ok());
  CHECK(whole.lines.size() == 2);
  REQUIRE(truncate(path.c_str(), at_flush) == 0);
  Lines cut = ReadLines(path);
  CHECK(cut.lines == std::vector<std::string>{kLine1.substr(0, kLine1.size() - 1)});
  CHECK(cut.failed_at == 2);
  REQUIRE(!cut.status.ok());
  CHECK_THAT(cut.status.message(), Catch::Contains(path) && Catch::Contains(why));
  return cut;
}

TEST_CASE("A gzip archive cut between two lines is reported as truncated, not read as whole", "[corpus]") {
  TempDir tmp;
  const std::string path = tmp.Path("tin-tuc.jsonl.gz");
  Lines cut = CutBetweenLines(path, WriteGzipWithFlush, "truncated gzip stream");
  struct stat st;
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK_THAT(cut.status.message(), Catch::Contains("offset " + std::to_string(st.st_size)));
}

TEST_CASE("A zstd archive cut between two lines is reported as truncated", "[corpus]") {
  TempDir tmp;
  CutBetweenLines(tmp.Path("tin-tuc.jsonl.zst"), WriteZstdWithFlush, "truncated zstd stream");
}

TEST_CASE("Concatenated gzip members are read as one stream", "[corpus]") {
  // What `cat a.gz b.gz > all.gz` makes, and gzip itself reads whole.
  TempDir tmp;
  WriteGzipWithFlush(tmp.Path("a.gz"));
  WriteGzipWithFlush(tmp.Path("b.gz"));
  WriteFile(tmp.Path("all.jsonl.gz"), ReadFile(tmp.Path("a.gz")) + ReadFile(tmp.Path("b.gz")));
  Lines all = ReadLines(tmp.Path("all.jsonl.gz"));
  CHECK(all.status.ok());
  CHECK(all.lines.size() == 4);
}
