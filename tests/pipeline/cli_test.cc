// The solieu command as users and scripts meet it: exit codes, output that pipes.
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <thread>

#include "test_support.h"

using solieu::testing::RunSolieu;
using solieu::testing::SourcePath;
using solieu::testing::TempDir;
using solieu::testing::WriteFile;

namespace {
std::string Samples() { return SourcePath("corpus/samples"); }
}  // namespace

TEST_CASE("CLI --version prints the version and the rule-set hash", "[cli]") {
  std::string out;
  REQUIRE(RunSolieu("--version", &out) == 0);
  CHECK_THAT(out, Catch::Matches("solieu \\d+\\.\\d+\\.\\d+ \\(rules [0-9a-f]{16}\\)\n"));
}

TEST_CASE("CLI allocates with jemalloc, not glibc's malloc (an ingest's figures depend on it)", "[cli]") {
  // jemalloc prints its statistics at exit when asked; glibc's malloc knows
  // no such setting, so a build that lost the allocator prints nothing.
  setenv("MALLOC_CONF", "stats_print:true", 1);
  std::string out, err;
  int rc = RunSolieu("--version", &out, &err);
  unsetenv("MALLOC_CONF");
  REQUIRE(rc == 0);
  CHECK_THAT(err, Catch::Contains("Begin jemalloc statistics"));
}

TEST_CASE("CLI usage errors exit 2 and help exits 0 with an example", "[cli]") {
  std::string out, err;
  CHECK(RunSolieu("ingest corpus", &out, &err) == 2);  // --db missing
  CHECK_THAT(err, Catch::Contains("--db"));
  CHECK(RunSolieu("frobnicate", &out, &err) == 2);
  CHECK(RunSolieu("ingest --help", &out, &err) == 0);
  CHECK_THAT(out, Catch::Contains("Example"));
}

TEST_CASE("CLI ingest prints a summary, and skipped input exits 3 naming the file", "[cli]") {
  TempDir tmp;
  std::string garbage;
  for (int b = 0x80; b <= 0xFF; ++b) garbage.push_back(static_cast<char>(b));
  WriteFile(tmp.Path("bad.txt"), garbage);
  WriteFile(tmp.Path("broken.jsonl"), "{\"text\": \"Có 47 doanh nghiệp.\"}\n{\"text\": \"Có 4\n");
  std::string out, err;
  int rc = RunSolieu("ingest " + Samples() + " " + tmp.Path("bad.txt") + " " + tmp.Path("broken.jsonl") + " --db " +
                     tmp.Path("f.db"),
                 &out, &err);
  CHECK(rc == 3);
  CHECK_THAT(err, Catch::Contains("bad.txt: not UTF-8, and its encoding cannot be told apart"));
  CHECK_THAT(err, Catch::Contains("broken.jsonl:2"));
  CHECK_THAT(err, Catch::Contains("2 skipped"));
  CHECK_THAT(err, Catch::Contains("claims"));
  CHECK_THAT(err, Catch::Matches("(.|\\n)* MB/s; indexes [0-9]+\\.[0-9]{2} s of it\\)\\n"));
  // Nothing already stored is lost, and a second run adds nothing twice.
  rc = RunSolieu("ingest " + Samples() + " --db " + tmp.Path("f.db"), &out, &err);
  CHECK(rc == 0);
  CHECK_THAT(err, Catch::Contains("ingested 0 documents"));
  std::string n;
  REQUIRE(RunSolieu("query --db " + tmp.Path("f.db") + " --csv \"SELECT count(*) AS n FROM documents\"", &n) == 0);
  CHECK(n == "n\n10\n");  // the 9 sample documents and the good line of broken.jsonl
}

TEST_CASE("CLI draws a progress line only on a terminal or with --progress", "[cli]") {
  TempDir tmp;
  std::string db = tmp.Path("f.db"), out, err;
  REQUIRE(RunSolieu("ingest " + Samples() + " --db " + db, &out, &err) == 0);  // stderr is a file here
  CHECK_THAT(err, !Catch::Contains("\033[K"));
  REQUIRE(RunSolieu("ingest " + Samples() + " --db " + tmp.Path("g.db") + " --progress", &out, &err) == 0);
  CHECK_THAT(err, Catch::Contains("\r\033[K") && Catch::Contains(" documents  ") && Catch::Contains("ingested 9"));
  CHECK_THAT(err, Catch::Contains("\r\033[K0/") && Catch::Contains(" indexes built"));  // at once after the documents
  REQUIRE(RunSolieu("check --db " + db + " --progress", &out, &err) == 0);
  CHECK_THAT(err, Catch::Contains("documents checked") && Catch::Contains("checked 93 claims"));
  CHECK_THAT(out, !Catch::Contains("\033[K"));  // the findings on stdout stay clean
  REQUIRE(RunSolieu("check --db " + db + " --no-progress", &out, &err) == 0);
  CHECK_THAT(err, !Catch::Contains("\033[K"));
  REQUIRE(RunSolieu("merge --db " + tmp.Path("m.db") + " " + db + " --progress", &out, &err) == 0);
  CHECK_THAT(err, Catch::Contains("\r\033[K") && Catch::Contains(" documents  ") && Catch::Contains("merged 9") &&
                      Catch::Contains(" s (indexes ") && Catch::Contains(" s of it)"));
  REQUIRE(RunSolieu("extract --with-documents " + Samples(), &out, &err) == 0);
  WriteFile(tmp.Path("parts.jsonl"), out);
  REQUIRE(RunSolieu("load --db " + tmp.Path("l.db") + " " + tmp.Path("parts.jsonl") + " --progress", &out, &err) == 0);
  CHECK_THAT(err, Catch::Contains("\r\033[K") && Catch::Contains(" documents  ") && Catch::Contains("loaded 9") &&
                      Catch::Contains(" s (indexes ") && Catch::Contains(" s of it)"));
}

TEST_CASE("CLI --search-index makes ingest, load and merge build the search index, and search does it otherwise", "[cli]") {
  TempDir tmp;
  std::string out, err, n;
  auto indexed = [&](const std::string& db) {
    REQUIRE(RunSolieu("query --db " + db + " --csv \"SELECT count(*) AS n FROM sentence_search\"", &n) == 0);
    return n;
  };
  REQUIRE(RunSolieu("ingest " + Samples() + " --db " + tmp.Path("f.db"), &out, &err) == 0);
  CHECK_THAT(err, !Catch::Contains("for search"));
  CHECK(indexed(tmp.Path("f.db")) == "n\n0\n");
  REQUIRE(RunSolieu("ingest " + Samples() + " --db " + tmp.Path("g.db") + " --search-index", &out, &err) == 0);
  CHECK_THAT(err, Catch::Contains("indexed 9 documents for search"));
  std::string whole = indexed(tmp.Path("g.db"));
  CHECK(whole != "n\n0\n");
  REQUIRE(RunSolieu("search --db " + tmp.Path("f.db") + " \"ban le hang hoa\" --progress", &out, &err) == 0);
  CHECK_THAT(err, Catch::Contains("documents indexed for search"));
  CHECK_THAT(out, Catch::Contains("[bán] [lẻ] [hàng] [hóa]"));
  CHECK(indexed(tmp.Path("f.db")) == whole);
  REQUIRE(RunSolieu("merge --db " + tmp.Path("m.db") + " " + tmp.Path("f.db") + " --search-index", &out, &err) == 0);
  CHECK_THAT(err, Catch::Contains("indexed 9 documents for search"));
  CHECK(indexed(tmp.Path("m.db")) == whole);
  REQUIRE(RunSolieu("extract --with-documents " + Samples(), &out, &err) == 0);
  WriteFile(tmp.Path("parts.jsonl"), out);
  REQUIRE(RunSolieu("load --db " + tmp.Path("l.db") + " " + tmp.Path("parts.jsonl") + " --search-index", &out, &err) == 0);
  CHECK_THAT(err, Catch::Contains("indexed 9 documents for search"));
  CHECK(indexed(tmp.Path("l.db")) == whole);
}

TEST_CASE("CLI export gives the same lines as extract, whatever --jobs is", "[cli]") {
  TempDir tmp;
  std::string out, err, one, two, exported;
  REQUIRE(RunSolieu("ingest " + Samples() + " --db " + tmp.Path("f.db") + " --jobs 2", &out, &err) == 0);
  REQUIRE(RunSolieu("extract " + Samples() + " --jobs 1", &one) == 0);
  REQUIRE(RunSolieu("extract " + Samples() + " --jobs 2", &two) == 0);
  REQUIRE(RunSolieu("export --db " + tmp.Path("f.db"), &exported) == 0);
  CHECK(one == two);
  CHECK(one == exported);
  CHECK(std::count(one.begin(), one.end(), '\n') >= 70);
}

TEST_CASE("CLI query prints a table, CSV or JSON, and the schema", "[cli]") {
  TempDir tmp;
  std::string out, err;
  REQUIRE(RunSolieu("ingest " + Samples() + " --db " + tmp.Path("f.db"), &out, &err) == 0);
  std::string sql = "\"SELECT entity, value FROM facts WHERE indicator = 'retail_sales' AND value = 3200 ORDER BY doc_id\"";
  REQUIRE(RunSolieu("query --db " + tmp.Path("f.db") + " " + sql, &out) == 0);
  CHECK_THAT(out, Catch::Contains("thành phố Bắc Kạn | 3200.0") && Catch::Contains("(2 rows)"));
  REQUIRE(RunSolieu("query --db " + tmp.Path("f.db") + " --csv " + sql, &out) == 0);
  CHECK(out == "entity,value\nthành phố Bắc Kạn,3200.0\nthành phố Bắc Kạn,3200.0\n");
  REQUIRE(RunSolieu("query --db " + tmp.Path("f.db") + " --json " + sql, &out) == 0);
  CHECK_THAT(out, Catch::StartsWith("{\"entity\":\"thành phố Bắc Kạn\",\"value\":3200.0}"));
  REQUIRE(RunSolieu("query --db " + tmp.Path("f.db") + " --schema", &out) == 0);
  CHECK_THAT(out, Catch::Contains("CREATE VIEW facts") && Catch::Contains("-- stored text"));
  CHECK(RunSolieu("query --db " + tmp.Path("f.db") + " \"SELEC nonsense\"", &out, &err) == 2);
  CHECK_THAT(err, Catch::Contains("SQL error"));
  WriteFile(tmp.Path("plain.txt"), "not a database at all, only words in a file\n");
  CHECK(RunSolieu("query --db " + tmp.Path("plain.txt") + " \"SELECT 1\"", &out, &err) == 1);
  CHECK_THAT(err, Catch::Contains("plain.txt") && Catch::Contains("not a solieu database"));
}

namespace {

// A corpus big enough to be killed while it is written: a sample report,
// repeated with new figures, as JSONL.
void WriteRepeatedCorpus(const std::string& path) {
  std::string text = solieu::testing::ReadFile(Samples() + "/cao-bang-2022-ket-qua.txt");
  std::string jsonl;
  for (int i = 0; i < 1000; ++i) {
    std::string t = text + "\nBổ sung: giải quyết việc làm cho " + std::to_string(100 + i) + " lao động.";
    std::string esc;
    for (char c : t) { if (c == '"' || c == '\\') esc += '\\'; if (c == '\n') { esc += "\\n"; continue; } esc += c; }
    jsonl += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"" + esc + "\"}\n";
  }
  WriteFile(path, jsonl);
}

// Runs `solieu args...` with its output thrown away and kills it with
// SIGKILL after `delay_ms`; true when it was killed rather than done.
bool RunAndKill(const std::vector<std::string>& args, int delay_ms) {
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open("/dev/null", O_WRONLY);
    dup2(fd, 1);
    dup2(fd, 2);
    std::vector<char*> argv = {const_cast<char*>("solieu")};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(SOLIEU_BINARY, argv.data());
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status);
}

std::string IntegrityCheck(const std::string& db, const std::string& out) {
  // SQLite's own check, whatever state the file was left in (sqlite3 is installed by scripts/setup).
  REQUIRE(std::system(("sqlite3 " + db + " \"PRAGMA integrity_check\" > " + out).c_str()) == 0);
  return solieu::testing::ReadFile(out);
}

}  // namespace

TEST_CASE("CLI ingest killed with SIGKILL leaves whole documents, and a re-run completes it", "[cli]") {
  TempDir tmp;
  WriteRepeatedCorpus(tmp.Path("big.jsonl"));
  std::string reference, out, err;
  auto start = std::chrono::steady_clock::now();
  REQUIRE(RunSolieu("ingest " + tmp.Path("big.jsonl") + " --db " + tmp.Path("ref.db") + " --jobs 1", &out, &err) == 0);
  auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(RunSolieu("export --db " + tmp.Path("ref.db"), &reference) == 0);
  // Kill at twenty moments spread over an uninterrupted run's duration
  // (reading, analyzing, writing batches, building the indexes at the end).
  // A run that finishes before its moment (the machine got faster, say,
  // when other tests stopped) is tried again sooner, so that the moments
  // really fall inside the run whatever the load.
  int killed_mid_run = 0;
  for (int k = 1; k <= 20; ++k) {
    int delay_ms = static_cast<int>(full_ms * k / 21);
    std::string db = tmp.Path("k" + std::to_string(k) + ".db");
    bool killed = false;
    for (int attempt = 0; attempt < 5 && !killed; ++attempt) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
      killed = RunAndKill({"ingest", tmp.Path("big.jsonl"), "--db", db, "--jobs", "1"}, delay_ms);
      if (!killed) delay_ms = delay_ms * 3 / 5;
    }
    INFO("killed after " << delay_ms << " ms of " << full_ms);
    if (killed) ++killed_mid_run;
    if (access(db.c_str(), F_OK) != 0) continue;  // killed before it created the database: nothing to check
    std::string check = tmp.Path("integrity.txt");
    CHECK(IntegrityCheck(db, check) == "ok\n");
    std::string partial, unfinished = "count(*)\n0\n";
    if (RunSolieu("export --db " + db, &partial) == 0) {
      // Every stored document has all its claims: the export is a prefix of the reference.
      CHECK(reference.compare(0, partial.size(), partial) == 0);
      REQUIRE(RunSolieu("query --db " + db + " --csv \"SELECT count(*) FROM runs WHERE finished_at IS NULL\"", &unfinished) == 0);
    } else {
      // Killed before the schema was in place: the file holds no table yet.
      REQUIRE(std::system(("sqlite3 " + db + " \"SELECT count(*) FROM sqlite_master\" > " + check).c_str()) == 0);
      CHECK(solieu::testing::ReadFile(check) == "0\n");
    }
    REQUIRE(RunSolieu("ingest " + tmp.Path("big.jsonl") + " --db " + db, &out, &err) == 0);
    // Killed before its run was recorded as finished (not while exiting after it): the re-run says so.
    if (unfinished != "count(*)\n0\n") CHECK_THAT(err, Catch::Contains("did not finish"));
    std::string finished;
    REQUIRE(RunSolieu("export --db " + db, &finished) == 0);
    CHECK(finished == reference);
  }
  CHECK(killed_mid_run >= 18);  // the test really interrupted the ingest
}

TEST_CASE("CLI search killed with SIGKILL while it builds the search index leaves it whole, and a re-run completes it", "[cli]") {
  TempDir tmp;
  WriteRepeatedCorpus(tmp.Path("big.jsonl"));
  std::string out, err, reference, rows;
  REQUIRE(RunSolieu("ingest " + tmp.Path("big.jsonl") + " --db " + tmp.Path("ref.db"), &out, &err) == 0);
  std::string stored = solieu::testing::ReadFile(tmp.Path("ref.db"));  // no search index yet, checkpointed on close
  auto start = std::chrono::steady_clock::now();
  REQUIRE(RunSolieu("search --db " + tmp.Path("ref.db") + " -n 5000 \"lao dong\"", &reference) == 0);
  auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(std::count(reference.begin(), reference.end(), '\n') > 2000);
  std::string count_rows = " --csv \"SELECT (SELECT count(*) FROM sentence_search) || ' ' || indexed_through FROM search_index_state\"";
  std::string whole;
  REQUIRE(RunSolieu("query --db " + tmp.Path("ref.db") + count_rows, &whole) == 0);
  int killed_mid_run = 0;
  for (int k = 1; k <= 8; ++k) {
    std::string db = tmp.Path("k" + std::to_string(k) + ".db");
    int delay_ms = static_cast<int>(full_ms * k / 9);
    bool killed = false;
    for (int attempt = 0; attempt < 5 && !killed; ++attempt) {
      for (const char* suffix : {"-wal", "-shm"}) std::remove((db + suffix).c_str());
      WriteFile(db, stored);
      killed = RunAndKill({"search", "--db", db, "lao dong"}, delay_ms);
      if (!killed) delay_ms = delay_ms * 3 / 5;
    }
    INFO("killed after " << delay_ms << " ms of " << full_ms);
    killed_mid_run += killed;
    CHECK(IntegrityCheck(db, tmp.Path("integrity.txt")) == "ok\n");
    // The index and its state agree: no rows of a document past the state.
    std::string partial;
    REQUIRE(RunSolieu("query --db " + db + " --csv \"SELECT count(*) FROM sentence_search"
                      " WHERE rowid >= ((SELECT indexed_through FROM search_index_state) + 1) << 20\"", &partial) == 0);
    CHECK(partial == "count(*)\n0\n");
    std::string again, after;
    REQUIRE(RunSolieu("search --db " + db + " -n 5000 \"lao dong\"", &again) == 0);
    CHECK(again == reference);
    REQUIRE(RunSolieu("query --db " + db + count_rows, &after) == 0);
    CHECK(after == whole);  // every sentence indexed once
  }
  CHECK(killed_mid_run >= 6);
}

TEST_CASE("CLI reads a TCVN3 report like its UTF-8 original and records the encoding", "[cli]") {
  TempDir tmp;
  // "Thu ngân sách đạt 44,9% dự toán; giải quyết việc làm cho 704 lao động." in TCVN3 bytes.
  WriteFile(tmp.Path("bao-cao.txt"),
            "Thu ng\xA9n s\xb8" "ch \xAE\xb9t 44,9% d\xF9 to\xb8n; gi\xB6i quy\xD5t vi\xD6" "c l\xB5m cho 704 lao \xAE\xe9ng.");
  WriteFile(tmp.Path("utf8.txt"), "Thu ngân sách đạt 44,9% dự toán; giải quyết việc làm cho 704 lao động.");
  std::string legacy, plain, out, err;
  REQUIRE(RunSolieu("extract " + tmp.Path("bao-cao.txt") + " | grep -o '\"text\":\"[^\"]*\"'", &legacy) == 0);
  REQUIRE(RunSolieu("extract " + tmp.Path("utf8.txt") + " | grep -o '\"text\":\"[^\"]*\"'", &plain) == 0);
  CHECK(legacy == plain);
  CHECK_THAT(plain, Catch::Contains("704 lao động"));
  REQUIRE(RunSolieu("ingest " + tmp.Path("bao-cao.txt") + " --db " + tmp.Path("f.db"), &out, &err) == 0);
  REQUIRE(RunSolieu("query --db " + tmp.Path("f.db") + " --csv \"SELECT encoding FROM documents\"", &out) == 0);
  CHECK(out == "encoding\ntcvn3\n");
}

TEST_CASE("CLI check stores findings, prints them, and exits 4 at --fail-on", "[cli][check]") {
  TempDir tmp;
  std::string db = tmp.Path("f.db"), out, err;
  REQUIRE(RunSolieu("ingest " + Samples() + " --db " + db, &out, &err) == 0);
  REQUIRE(RunSolieu("check --db " + db, &out, &err) == 0);  // no --fail-on: findings are not a failure
  CHECK_THAT(out, Catch::Contains("== errors (2)") && Catch::Contains("parts_total") &&
                      Catch::Contains("Toàn thành phố có 1.850 doanh nghiệp"));
  CHECK_THAT(err, Catch::Contains("2 errors"));
  CHECK(RunSolieu("check --db " + db + " --fail-on error", &out, &err) == 4);
  CHECK(RunSolieu("check --db " + db + " --fail-on warning", &out, &err) == 4);
  CHECK(RunSolieu("check --db " + db + " --fail-on fatal", &out, &err) == 2);
  // Re-running replaces the findings instead of adding to them.
  std::string count = "\"SELECT count(*) AS n FROM findings\"";
  REQUIRE(RunSolieu("query --db " + db + " --csv " + count, &out) == 0);
  std::string first = out;
  REQUIRE(RunSolieu("check --db " + db, &out, &err) == 0);
  REQUIRE(RunSolieu("query --db " + db + " --csv " + count, &out) == 0);
  CHECK(out == first);
  CHECK(first != "n\n0\n");
  // JSONL with the spec's fields.
  REQUIRE(RunSolieu("check --db " + db + " --format jsonl", &out, &err) == 0);
  std::string line = out.substr(0, out.find('\n'));
  for (const char* field : {"\"kind\":", "\"severity\":", "\"claims\":", "\"expected\":", "\"observed\":",
                            "\"tolerance\":", "\"explanation\":", "\"explanation_vi\":", "\"doc_id\":", "\"span\":[",
                            "\"unit\":"}) {
    CHECK_THAT(line, Catch::Contains(field));
  }
  // The views users query: a finding with its sentences, and the series.
  REQUIRE(RunSolieu("query --db " + db + " --csv \"SELECT kind, role, text FROM findings_v WHERE kind = 'fraction_percent' ORDER BY idx\"", &out) == 0);
  CHECK(out == "kind,role,text\nfraction_percent,fraction,412/436 đơn thư\nfraction_percent,percent,\"96,5%\"\n");
  REQUIRE(RunSolieu("query --db " + db + " --csv \"SELECT comparison_text FROM findings_v WHERE kind = 'fraction_percent' AND role = 'percent'\"", &out) == 0);
  CHECK(out == "comparison_text\n\"96,5%\"\n");  // CSV quotes the decimal comma
  REQUIRE(RunSolieu("query --db " + db + " --csv \"SELECT period_label, value FROM series WHERE indicator = 'retail_sales' AND entity = 'thành phố Thái Nguyên' ORDER BY period_from, period_to\"", &out) == 0);
  CHECK(out == "period_label,value\nNăm 2022,25350.0\n9 tháng năm 2023,21600.0\nNăm 2023,28750.0\n");
  REQUIRE(RunSolieu("query --db " + db + " --schema", &out) == 0);
  CHECK_THAT(out, Catch::Contains("-- view findings_v: ") && Catch::Contains("-- view series: ") &&
                      Catch::Contains("-- table findings: "));
}

TEST_CASE("CLI check --doc keeps the other documents' findings", "[cli][check]") {
  TempDir tmp;
  std::string db = tmp.Path("f.db"), out, err;
  REQUIRE(RunSolieu("ingest " + Samples() + " --db " + db, &out, &err) == 0);
  REQUIRE(RunSolieu("check --db " + db, &out, &err) == 0);
  std::string all = "\"SELECT count(*) FROM findings\"";
  REQUIRE(RunSolieu("query --db " + db + " --csv " + all, &out) == 0);
  std::string before = out;
  REQUIRE(RunSolieu("query --db " + db + " --csv \"SELECT doc_id FROM documents WHERE source LIKE '%thai-nguyen-2023-ca-nam%'\"", &out) == 0);
  std::string doc = out.substr(out.find('\n') + 1);
  doc.pop_back();
  REQUIRE(RunSolieu("check --db " + db + " --doc " + doc + " --format jsonl", &out, &err) == 0);
  CHECK_THAT(out, Catch::Contains("thai-nguyen-2023-ca-nam") && !Catch::Contains("bac-kan-2021-tong-ket"));
  // The run records its options as JSON.
  REQUIRE(RunSolieu("query --db " + db + " --csv \"SELECT json_extract(options, '$.doc') AS doc FROM runs"
                    " WHERE command = 'check' ORDER BY run_id DESC LIMIT 1\"", &out) == 0);
  CHECK(out == "doc\n" + doc + "\n");
  REQUIRE(RunSolieu("query --db " + db + " --csv " + all, &out) == 0);
  CHECK(out == before);
  CHECK(RunSolieu("check --db " + db + " --doc no-such-doc", &out, &err) == 1);
  CHECK_THAT(err, Catch::Contains("no-such-doc"));
}

TEST_CASE("CLI ingest stopped by SIGTERM stores and indexes what it read, and exits 128 + 15", "[cli]") {
  // Input from a named pipe, so that the moment of the signal is known: the
  // pipe is open for writing only once solieu opened it (its handler is set
  // by then, and it is reading the first document); that document arrives
  // after the signal was handled, and the stop is seen before the second.
  TempDir tmp;
  const std::string fifo = tmp.Path("in.jsonl");
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const std::string db = tmp.Path("f.db"), err_path = tmp.Path("err.txt");
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 2);
    execl(SOLIEU_BINARY, "solieu", "ingest", fifo.c_str(), "--db", db.c_str(), "--no-progress", nullptr);
    _exit(127);
  }
  int in = open(fifo.c_str(), O_WRONLY);
  REQUIRE(in >= 0);
  REQUIRE(kill(pid, SIGTERM) == 0);
  // The signal is handled when a thread of solieu next runs, which on a busy
  // machine can come after the reader took both lines: wait for the handler's
  // word first.
  int status = 0;
  bool ended = false;  // killed by the signal, say, with no handler to catch it
  for (int waited_ms = 0; solieu::testing::ReadFile(err_path).find("stopping") == std::string::npos; waited_ms += 10) {
    REQUIRE(waited_ms < 20000);
    if ((ended = waitpid(pid, &status, WNOHANG) == pid)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const std::string lines =
      "{\"id\": \"a\", \"text\": \"Tổng mức bán lẻ hàng hóa đạt 3.645 tỷ đồng, tăng 12,5% so với cùng kỳ.\"}\n"
      "{\"id\": \"b\", \"text\": \"Trồng rừng đạt 172,86ha.\"}\n";
  if (!ended) REQUIRE(write(in, lines.data(), lines.size()) == static_cast<ssize_t>(lines.size()));
  close(in);
  if (!ended) waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));  // it stopped by itself rather than being killed
  CHECK(WEXITSTATUS(status) == 128 + SIGTERM);
  std::string err = solieu::testing::ReadFile(err_path);
  CHECK_THAT(err, Catch::Contains("stopping") && Catch::Contains("stopped by SIGTERM") &&
                      Catch::Contains("ingested 1 documents"));
  std::string out;
  REQUIRE(RunSolieu("query --db " + db + " --csv \"SELECT doc_id, (SELECT count(*) FROM claims) AS claims FROM documents\"", &out) == 0);
  CHECK(out == "doc_id,claims\na,1\n");
  REQUIRE(RunSolieu("query --db " + db + " --csv \"SELECT count(*) FROM sqlite_master WHERE name = 'claims_by_doc'\"", &out) == 0);
  CHECK(out == "count(*)\n1\n");
}

TEST_CASE("CLI commands that read a database a load left without indexes say so, and the same ingest again builds them",
          "[cli]") {
  TempDir tmp;
  const std::string db = tmp.Path("f.db");
  std::string out, err;
  REQUIRE(RunSolieu("ingest " + Samples() + " --db " + db, &out, &err) == 0);
  REQUIRE(RunSolieu("export --db " + db, &out, &err) == 0);
  CHECK(err.find("lacks") == std::string::npos);
  // As a load killed before its end leaves them (sqlite3 is installed by scripts/setup).
  REQUIRE(std::system(("sqlite3 " + db + " \"DROP INDEX claims_by_doc; DROP INDEX claims_by_metric\"").c_str()) == 0);
  for (const std::string& command : {"export --db " + db, "query --db " + db + " \"SELECT count(*) FROM claims\"",
                                     "report --db " + db + " --out " + tmp.Path("r.html"), "check --db " + db}) {
    INFO(command);
    REQUIRE(RunSolieu(command, &out, &err) == 0);
    CHECK_THAT(err, Catch::Contains("note: " + db + " lacks the indexes") &&
                        Catch::Contains("(claims_by_doc, claims_by_metric)") && Catch::Contains("the same ingest again"));
  }
  REQUIRE(RunSolieu("ingest " + Samples() + " --db " + db, &out, &err) == 0);
  REQUIRE(RunSolieu("export --db " + db, &out, &err) == 0);
  CHECK(err.find("lacks") == std::string::npos);
}
