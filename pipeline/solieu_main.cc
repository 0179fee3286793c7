// solieu: every figure in Vietnamese reports, with its source, in SQLite.
// The CLI is a switchboard: one handler per subcommand, each a call into
// the pipeline library. Exit codes (spec/claims.md): 0 success, 1 failure,
// 2 usage error, 3 finished but some input was skipped, 4 check findings.
#include <signal.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <thread>

#include "corpus/encoding.h"
#include "corpus/rules.h"
#include "pipeline/check.h"
#include "pipeline/eval.h"
#include "pipeline/export.h"
#include "pipeline/ingest.h"
#include "pipeline/load.h"
#include "pipeline/query.h"
#include "pipeline/report.h"
#include "pipeline/search.h"

namespace {

constexpr int kExitOk = 0, kExitFailure = 1, kExitUsage = 2, kExitSkipped = 3, kExitFindings = 4;

int Fail(const solieu::Status& st) {
  std::cerr << "solieu: " << st.message() << "\n";
  return st.code() == solieu::Status::Code::kUsage ? kExitUsage : kExitFailure;
}

void ReportSkip(const solieu::Skip& s) { std::cerr << "solieu: skipped: " << s.message << "\n"; }

// Ctrl-C (SIGINT) or SIGTERM during an ingest, load or merge: stop reading,
// store and index what was read, and exit with 128 + the signal, the code a
// shell gives a process that signal killed. A second one kills at once (the
// handler resets itself); what was committed is whole either way. A signal
// that was ignored when solieu started (a background job of a script) stays
// ignored.
std::atomic<int> g_stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "set from a signal handler");

extern "C" void OnStopSignal(int signo) {
  g_stop_signal.store(signo);
  static const char kMessage[] =
      "\nsolieu: stopping: storing and indexing the documents read so far (again to stop at once)\n";
  ssize_t ignored = write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  (void)ignored;
}

// After a load that a signal stopped: what it left, and the exit code.
int Stopped() {
  std::fprintf(stderr, "stopped by %s before the end of the input: the documents above are stored whole and "
               "indexed; the same command again goes on (what is stored is recognised and not stored twice)\n",
               g_stop_signal.load() == SIGINT ? "SIGINT (Ctrl-C)" : "SIGTERM");
  return 128 + g_stop_signal.load();
}

bool StopAsked() { return g_stop_signal.load() != 0; }

void CatchStopSignals() {
  for (int signo : {SIGINT, SIGTERM}) {
    struct sigaction current {};
    if (sigaction(signo, nullptr, &current) != 0 || current.sa_handler == SIG_IGN) continue;
    struct sigaction on_stop {};
    on_stop.sa_handler = OnStopSignal;
    sigemptyset(&on_stop.sa_mask);
    on_stop.sa_flags = SA_RESETHAND | SA_RESTART;
    sigaction(signo, &on_stop, nullptr);
  }
}

int DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n ? static_cast<int>(n) : 1;
}

struct Args {
  std::vector<std::string> inputs;
  std::string db, sql, doc, encoding, gold, docs, check, format = "text", fail_on, out;
  int jobs = DefaultJobs();
  int limit = 20;
  bool tsv = false, misses = false;
  bool progress = false, no_progress = false, with_documents = false, csv = false, json = false, schema = false;
  bool search_index = false;
};

// A progress line on a terminal, or wherever --progress asks for it.
bool ShowProgress(const Args& a) { return !a.no_progress && (a.progress || isatty(STDERR_FILENO)); }
void AddProgressFlags(CLI::App* command, Args& a) {
  command->add_flag("--progress", a.progress, "show a progress line even when stderr is not a terminal");
  command->add_flag("--no-progress", a.no_progress, "never show a progress line");
}
void AddSearchIndexFlag(CLI::App* command, Args& a) {
  command->add_flag("--search-index", a.search_index,
                    "bring the search index up to date at the end (otherwise the first solieu search does)");
}

// After a load that stored documents: their search index, when asked for.
// `code` is the load's exit code, kept unless indexing fails.
int IndexForSearchIfAsked(const Args& a, int code) {
  if (!a.search_index) return code;
  auto indexed = solieu::IndexForSearch(a.db, ShowProgress(a));
  if (!indexed.ok()) return Fail(indexed.status());
  std::fprintf(stderr, "indexed %lld documents for search in %.2f s\n", (long long)indexed->documents,
               indexed->seconds);
  return code;
}

int Ingest(const Args& a) {
  solieu::IngestOptions opt;
  opt.inputs = a.inputs;
  opt.db_path = a.db;
  opt.jobs = a.jobs;
  opt.progress = ShowProgress(a);
  opt.reader.encoding = a.encoding;
  opt.stop = StopAsked;
  CatchStopSignals();
  auto stats = solieu::Ingest(opt, ReportSkip);
  if (!stats.ok()) return Fail(stats.status());
  const auto& s = *stats;
  if (s.unfinished_runs) {
    std::fprintf(stderr, "note: %s holds %lld earlier run(s) that did not finish (stopped, killed, or still "
                 "running beside this one); the documents they stored are whole and kept, and what this run read "
                 "is stored too\n", a.db.c_str(), (long long)s.unfinished_runs);
  }
  if (s.stored_found_after_analysis) {
    std::fprintf(stderr, "note: %s cannot use SQLite's write-ahead log here (a network file system?); documents "
                 "already stored were analyzed again before being recognised, which makes re-ingesting slow\n",
                 a.db.c_str());
  }
  std::fprintf(stderr,
               "ingested %llu documents (%llu already stored), %llu sentences, %llu claims, %llu skipped"
               " into %s in %.2f s (%.1f MB/s; indexes %.2f s of it)\n",
               (unsigned long long)s.documents, (unsigned long long)s.duplicates, (unsigned long long)s.sentences,
               (unsigned long long)s.claims, (unsigned long long)s.skipped, a.db.c_str(), s.seconds,
               s.seconds > 0 ? s.bytes / 1e6 / s.seconds : 0.0, s.index_seconds);
  if (s.stopped) return Stopped();
  return IndexForSearchIfAsked(a, s.skipped ? kExitSkipped : kExitOk);
}

int Summarize(const char* verb, const Args& a, const solieu::StatusOr<solieu::IngestStats>& stats) {
  if (!stats.ok()) return Fail(stats.status());
  const auto& s = *stats;
  std::fprintf(stderr, "%s %llu documents (%llu already stored), %llu claims, %llu skipped into %s in %.2f s"
               " (indexes %.2f s of it)\n", verb,
               (unsigned long long)s.documents, (unsigned long long)s.duplicates, (unsigned long long)s.claims,
               (unsigned long long)s.skipped, a.db.c_str(), s.seconds, s.index_seconds);
  if (s.stopped) return Stopped();
  return IndexForSearchIfAsked(a, s.skipped ? kExitSkipped : kExitOk);
}

int Load(const Args& a) {
  CatchStopSignals();
  return Summarize("loaded", a, solieu::LoadParts(a.db, a.inputs, ReportSkip, ShowProgress(a), StopAsked));
}
int Merge(const Args& a) {
  CatchStopSignals();
  return Summarize("merged", a, solieu::MergeShards(a.db, a.inputs, ReportSkip, ShowProgress(a), StopAsked));
}

int Extract(const Args& a) {
  std::ios::sync_with_stdio(false);
  solieu::ReaderOptions reader;
  reader.encoding = a.encoding;
  auto stats = solieu::ExtractToStream(a.inputs, reader, a.with_documents, a.jobs, std::cout, ReportSkip);
  std::cout.flush();
  if (!stats.ok()) return Fail(stats.status());
  return stats->skipped ? kExitSkipped : kExitOk;
}

// Before a command reads a database: a note when a load was killed before
// building its indexes (or runs now), which makes reading slow.
void NoteMissingIndexes(const Args& a) {
  std::string note = solieu::MissingIndexesNote(a.db);
  if (!note.empty()) std::fprintf(stderr, "note: %s\n", note.c_str());
}

int Export(const Args& a) {
  NoteMissingIndexes(a);
  std::ios::sync_with_stdio(false);
  auto stats = solieu::ExportDatabase(a.db, a.with_documents, a.doc, std::cout);
  std::cout.flush();
  return stats.ok() ? kExitOk : Fail(stats.status());
}

int Query(const Args& a) {
  if (a.schema) {
    solieu::Status st = solieu::PrintSchema(a.db, std::cout);
    return st.ok() ? kExitOk : Fail(st);
  }
  if (a.sql.empty()) return Fail(solieu::Status::Usage("query needs SQL or --schema (see solieu query --help)"));
  NoteMissingIndexes(a);
  auto format = a.csv ? solieu::QueryFormat::kCsv : a.json ? solieu::QueryFormat::kJson : solieu::QueryFormat::kTable;
  auto rows = solieu::RunQuery(a.db, a.sql, format, std::cout);
  return rows.ok() ? kExitOk : Fail(rows.status());
}

int Search(const Args& a) {
  solieu::SearchOptions o;
  o.limit = a.limit;
  o.progress = ShowProgress(a);
  if (isatty(STDOUT_FILENO)) {
    o.mark_open = "\033[1;33m";
    o.mark_close = "\033[0m";
  }
  auto n = solieu::SearchSentences(a.db, a.sql, o, std::cout);
  if (!n.ok()) return Fail(n.status());
  if (*n == 0) std::cerr << "no sentence holds every word of: " << a.sql << "\n";
  return kExitOk;
}

int Check(const Args& a) {
  NoteMissingIndexes(a);
  solieu::CheckCommand c;
  c.db = a.db;
  c.doc_id = a.doc;
  c.format = a.format;
  c.fail_on = a.fail_on;
  c.progress = ShowProgress(a);
  std::ios::sync_with_stdio(false);
  auto failing = solieu::RunCheck(c, std::cout, std::cerr);
  std::cout.flush();
  if (!failing.ok()) return Fail(failing.status());
  return *failing > 0 ? kExitFindings : kExitOk;
}

int Report(const Args& a) {
  NoteMissingIndexes(a);
  auto stats = solieu::ReportDatabase(a.db, a.out);
  if (!stats.ok()) return Fail(stats.status());
  std::fprintf(stderr, "wrote %s: %zu documents, %zu figures, %zu findings, %zu charts with %zu marks\n", a.out.c_str(),
               stats->documents, stats->claims, stats->findings, stats->charts, stats->marks);
  return kExitOk;
}

int Eval(const Args& a) {
  auto report = solieu::Evaluate(a.gold, a.docs);
  if (!report.ok()) return Fail(report.status());
  solieu::PrintEvalReport(*report, a.tsv, a.misses, std::cout);
  if (!a.check.empty()) {
    solieu::Status st = solieu::CheckEvalFloor(*report, a.check);
    if (!st.ok()) return Fail(st);
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "solieu: every reported figure in Vietnamese government reports and news, with its metric,\n"
      "period, entity and exact source, in SQLite.\n"};
  app.footer(
      "Examples:\n"
      "  solieu ingest corpus/samples --db facts.db\n"
      "  solieu query --db facts.db \"SELECT text, metric, entity FROM facts WHERE indicator = 'retail_sales'\"\n"
      "  solieu extract article.txt | jq .text\n"
      "  solieu check --db facts.db --fail-on error\n"
      "  solieu export --db facts.db > claims.jsonl\n"
      "Exit codes: 0 ok, 1 failure, 2 usage error, 3 finished but some input was skipped,\n"
      "4 check found findings at or above --fail-on.");
  app.require_subcommand(0, 1);
  bool version = false;
  std::string data_dir;
  app.add_flag("--version", version, "print the version and the hash of the rule set, then exit");
  app.add_option("--data-dir", data_dir,
                 "read rule files (patterns, lexicons, SQL) from DIR, laid out like the source tree,\n"
                 "instead of the built-in ones");
  Args a;

  auto* ingest = app.add_subcommand("ingest", "read documents, extract their figures, store them in a database");
  ingest->add_option("inputs", a.inputs, "files (.txt, .jsonl, also .gz/.zst), directories (recursive), - for JSONL on stdin")->required();
  ingest->add_option("--db", a.db, "SQLite database to create or add to")->required();
  ingest->add_option("-j,--jobs", a.jobs, "analysis threads (default: cores)")->check(CLI::Range(1, 256));
  ingest->add_option("--encoding", a.encoding,
                    "read text files in this encoding instead of detecting it: utf-8, utf-16, windows-1258,\n"
                    "viscii, tcvn3, vni-windows, viqr")
      ->check(CLI::IsMember(solieu::EncodingDetector::Names()));
  AddProgressFlags(ingest, a);
  AddSearchIndexFlag(ingest, a);
  ingest->footer("Example: solieu ingest corpus/samples reports.jsonl.gz --db facts.db\n"
                 "Text that is not UTF-8 is decoded from the Vietnamese legacy encoding it reads best in\n"
                 "(TCVN3, VNI-Windows, VISCII, Windows-1258, VIQR); --encoding names it instead.\n"
                 "Documents already stored (same text) are not analyzed again. Unreadable input is\n"
                 "reported with its file and place, skipped, and the exit code is 3. Ctrl-C stops reading,\n"
                 "stores and indexes what was read, and exits 130; the same command again goes on.");

  auto* extract = app.add_subcommand("extract", "print the claims of documents as JSONL, no database");
  extract->add_option("inputs", a.inputs, "files, directories, or - for JSONL documents on stdin")->required();
  extract->add_option("-j,--jobs", a.jobs, "analysis threads (default: cores)")->check(CLI::Range(1, 256));
  extract->add_option("--encoding", a.encoding,
                    "read text files in this encoding instead of detecting it: utf-8, utf-16, windows-1258,\n"
                    "viscii, tcvn3, vni-windows, viqr")
      ->check(CLI::IsMember(solieu::EncodingDetector::Names()));
  extract->add_flag("--with-documents", a.with_documents,
                    "one line per document: {\"document\": {...}, \"claims\": [...]} (input for solieu load)");
  extract->footer("Example: solieu extract corpus/samples/bac-kan-2021.txt | jq -c '{text, metric}'\n"
                  "         cat docs.jsonl | solieu extract --with-documents - > part-0001.jsonl");

  auto* load = app.add_subcommand("load", "store the output of extract --with-documents (from mappers) in a database");
  load->add_option("parts", a.inputs, "files of document lines (.jsonl, .gz, .zst), - for stdin")->required();
  load->add_option("--db", a.db, "SQLite database to create or add to")->required();
  AddProgressFlags(load, a);
  AddSearchIndexFlag(load, a);
  load->footer("Example: solieu load --db facts.db part-00000.jsonl.gz part-00001.jsonl.gz\n"
               "Nothing is analyzed again; documents already stored (same text) are skipped. A line that is\n"
               "not a whole document line is reported with FILE:LINE, skipped, and the exit code is 3.\n"
               "See docs/scale-out.md for Spark and Hadoop Streaming.");

  auto* merge = app.add_subcommand("merge", "merge shard databases into one, each document once");
  merge->add_option("shards", a.inputs, "databases made by solieu ingest or load")->required();
  merge->add_option("--db", a.db, "the database to merge into (created if absent)")->required();
  AddProgressFlags(merge, a);
  AddSearchIndexFlag(merge, a);
  merge->footer("Example: solieu merge --db all.db shard-1.db shard-2.db shard-3.db shard-4.db\n"
                "Documents are matched by content hash; run solieu check on the result.");

  auto* exp = app.add_subcommand("export", "print the claims stored in a database as JSONL");
  exp->add_option("--db", a.db, "SQLite database made by solieu ingest")->required();
  exp->add_option("--doc", a.doc, "only this document id");
  exp->add_flag("--with-documents", a.with_documents, "one line per document, as extract --with-documents");
  exp->footer("Example: solieu export --db facts.db | jq -c 'select(.indicator == \"retail_sales\")'");

  auto* check = app.add_subcommand("check", "cross-check the stored figures: what adds up, what conflicts");
  check->add_option("--db", a.db, "SQLite database made by solieu ingest")->required();
  check->add_option("--doc", a.doc, "only findings that involve this document id");
  check->add_option("--format", a.format, "text (grouped by severity, with sentences) or jsonl (spec/claims.md)")
      ->check(CLI::IsMember({"text", "jsonl"}));
  check->add_option("--fail-on", a.fail_on, "exit 4 when a finding is at least this severe: warning or error")
      ->check(CLI::IsMember({"warning", "error"}));
  AddProgressFlags(check, a);
  check->footer(
      "Checks: fraction_percent (205/207 \"đạt 99%\"), shares_sum (shares of one whole add to 100%),\n"
      "parts_total (parts after \"trong đó\" vs their total), cross_source_conflict/_confirmation (the same\n"
      "indicator, entity, period in different documents), implied_baseline (value ÷ percent gives the plan),\n"
      "stated_change (\"tăng X% so với\" against the two values, read as \"tăng\" and as \"bằng\"),\n"
      "broken_number. Tolerances follow the precision as written (65,9% is ± 0,05) and widen for khoảng/hơn.\n"
      "Findings replace the previous ones in the findings table; query them with the findings_v view.\n"
      "Example: solieu check --db facts.db --format jsonl | jq -c 'select(.severity == \"error\")'");

  auto* report = app.add_subcommand("report", "write one self-contained HTML page: findings, series charts, documents");
  report->add_option("--db", a.db, "SQLite database made by solieu ingest")->required();
  report->add_option("--out", a.out, "the HTML file to write")->required();
  report->footer("Example: solieu report --db facts.db --out report.html && xdg-open report.html\n"
                 "The page needs no network: styles are inline, charts are SVG drawn by solieu, there is no\n"
                 "script. Findings are computed afresh, as solieu check would.");

  auto* query = app.add_subcommand("query", "run SQL against a database (read-only)");
  query->add_option("sql", a.sql, "the SQL; views: facts, comparisons_v, findings_v, series");
  query->add_option("--db", a.db, "SQLite database made by solieu ingest")->required();
  query->add_flag("--csv", a.csv, "CSV with a header row");
  query->add_flag("--json", a.json, "one JSON object per row");
  query->add_flag("--schema", a.schema, "print tables and views with their comments");
  query->footer("Example: solieu query --db facts.db \\\n"
                "  \"SELECT entity, period_label, text FROM facts WHERE indicator = 'retail_sales' ORDER BY period_from\"");

  auto* search = app.add_subcommand("search", "find sentences by their words, with or without diacritics");
  search->add_option("words", a.sql, "the words to find; diacritics and case do not matter")->required();
  search->add_option("--db", a.db, "SQLite database made by solieu ingest")->required();
  search->add_option("-n,--limit", a.limit, "at most this many sentences (default 20)")->check(CLI::PositiveNumber);
  AddProgressFlags(search, a);
  search->footer("Example: solieu search --db facts.db \"ban le hang hoa\"\n"
                 "Matched words are marked [like this] when piped, in colour on a terminal.\n"
                 "The search index is built apart from ingest, which it would slow by half: the first\n"
                 "search after documents were stored adds them to it (once; it needs write access), unless\n"
                 "ingest, load or merge ran with --search-index.");

  auto* eval = app.add_subcommand("eval", "measure extraction against gold annotations");
  eval->add_option("--gold", a.gold, "folder of gold files (corpus/gold/samples, format in corpus/gold/README.md)")->required();
  eval->add_option("--docs", a.docs, "folder holding the documents the gold files name")->required();
  eval->add_flag("--tsv", a.tsv, "scores as name<TAB>value lines");
  eval->add_flag("--misses", a.misses, "list every miss");
  eval->add_option("--check", a.check, "fail (exit 1) if a score drops below the floor in this file");
  eval->footer("Example: solieu eval --gold corpus/gold/samples --docs corpus/samples --misses");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (!data_dir.empty()) solieu::SetRuleDataDir(data_dir);
  if (version) {
    std::cout << solieu::VersionString() << "\n";
    return kExitOk;
  }
  if (ingest->parsed()) return Ingest(a);
  if (extract->parsed()) return Extract(a);
  if (load->parsed()) return Load(a);
  if (merge->parsed()) return Merge(a);
  if (exp->parsed()) return Export(a);
  if (check->parsed()) return Check(a);
  if (report->parsed()) return Report(a);
  if (query->parsed()) return Query(a);
  if (search->parsed()) return Search(a);
  if (eval->parsed()) return Eval(a);
  std::cout << app.help();
  return kExitUsage;
}
