#!/usr/bin/env bash
# Runs scripts/bench on a 1 MB corpus, into a file of its own, and checks
# the tables it writes: every stage and every pipeline run present, with
# figures that are numbers and add up. A benchmark whose table breaks (a
# negative time, a column gone) fails here, not in the next person's hands.
# Usage: tests/bench/bench_test.sh BUILD_DIR
set -euo pipefail
build=$1
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "bench_test: $*" >&2; exit 1; }

SOLIEU_BUILD_DIR="$build" SOLIEU_BENCH_OUT="$work/benchmarks.md" "$here/scripts/bench" 1 >"$work/stdout" 2>"$work/stderr" ||
  { cat "$work/stderr" >&2; fail "scripts/bench exited with $?"; }
md="$work/benchmarks.md"
[ -s "$md" ] || fail "scripts/bench wrote nothing to SOLIEU_BENCH_OUT"
cmp -s "$md" "$work/stdout" || fail "what scripts/bench printed is not what it wrote"
grep -q '^Corpus: [0-9]* synthetic report-style documents, 1.0 MB of JSONL' "$md" || fail "no corpus line for 1 MB"

# Each stage alone: a time and a throughput, both numbers.
for stage in "read + decode (JSONL)" "normalize (ICU NFC, tone)" "split sentences (ICU)" "split, ICU over all text" \
  "extract claims (RE2)" \
  "resolve (entity, period)" "whole analysis" "store (SQLite rows)" "secondary indexes" "sync to disk" \
  "rows + indexes + sync" "search index (FTS5)"; do
  grep -qE "^$(printf '%s' "$stage" | sed 's/[][()+.]/\\&/g') +[0-9]+\.[0-9]+ s +[0-9]+\.[0-9]+ MB/s" "$md" ||
    fail "stage '$stage' missing or not a number"
done

# The whole pipeline: one row per run, eight cells. Seconds and MB/s are
# positive and agree with each other (1 MB over the seconds); a run that
# stores splits its index build off, and runs faster until it; the CPU
# seconds are a number (0.00 for a run too short for /usr/bin/time).
awk -F' \\| ' '
  /^\| run \| seconds/ { table = 1; next }
  table && /^\|---/ { next }
  table && !/^\|/ { table = 0 }
  table {
    n++
    gsub(/^\| | \|$/, "")
    if (split($0, c, / \| /) != 8) { print "bad row: " $0; bad = 1; next }
    run = c[1]; secs = c[2] + 0; mbs = c[3] + 0; rss = c[5] + 0
    if (secs <= 0 || mbs <= 0 || rss <= 0) { print "not positive: " $0; bad = 1 }
    if (c[8] !~ /^[0-9]+\.[0-9]+$/) { print "no CPU seconds: " $0; bad = 1 }
    if (mbs * secs < 0.8 || mbs * secs > 1.25) { print "MB/s and seconds disagree: " $0; bad = 1 }
    stores = run ~ /^(ingest|re-ingest|reducer)/
    if (stores) {
      if (c[6] !~ /^[0-9]+\.[0-9]+$/ || c[7] !~ /^[0-9]+\.[0-9]+$/) { print "no index build: " $0; bad = 1 }
      else if (c[6] + 0 > secs || c[7] + 0 < mbs) { print "index build does not fit in the run: " $0; bad = 1 }
    } else if (c[6] != "—" || c[7] != "—") { print "index columns on a run that stores nothing: " $0; bad = 1 }
  }
  END { if (n != 13) { print "expected 13 runs, found " n; bad = 1 } exit bad }' "$md" >"$work/problems" ||
  { cat "$work/problems" >&2; fail "the pipeline table is wrong"; }

# The headline ingest rows are medians of three runs.
for jobs in "1 job" "[0-9]+ jobs"; do
  grep -qE "^\| ingest, $jobs \(median of 3\) \|" "$md" || fail "the ingest row for $jobs is not a median of three"
done

# The report section when Chromium is there: a render time that is not negative.
if command -v chromium >/dev/null 2>&1; then
  grep -q '^## The HTML report' "$md" || fail "chromium is installed but the report section is missing"
  if grep -qE 'renders it \(parse, layout, paint, screenshot\) in -' "$md"; then fail "negative render time"; fi
fi
if [ -x "$build/tests/micro_bench" ]; then
  grep -qE '^BM_ParseNumber +[0-9.]+ ns' "$md" || fail "micro-benchmarks missing"
fi
echo "bench_test: ok ($(grep -c '^| ' "$md") table rows)"
