-- solieu database schema. Version in PRAGMA user_version (see store.cc).
-- All spans are UTF-8 byte offsets, end exclusive.

-- One row per `solieu ingest`/`check`: what produced the data, with which rules.
CREATE TABLE IF NOT EXISTS runs (
  run_id       INTEGER PRIMARY KEY,
  command      TEXT NOT NULL,
  version      TEXT NOT NULL,           -- solieu version
  ruleset_hash TEXT NOT NULL,           -- hash of the rule files it ran with
  options      TEXT NOT NULL,           -- JSON of the command's options
  started_at   TEXT NOT NULL,
  finished_at  TEXT,                    -- NULL: the run was killed or failed
  documents    INTEGER,                 -- documents added
  claims       INTEGER,
  skipped      INTEGER                  -- inputs skipped, each reported on stderr
);

-- A document as read, and its normalized text (sentences are spans into it).
CREATE TABLE IF NOT EXISTS documents (
  doc_id       TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,    -- SHA-256 of `text`: re-ingest adds nothing twice
  source       TEXT NOT NULL,           -- path, URL, or FILE:LINE
  url          TEXT,
  title        TEXT,
  published    TEXT,                    -- ISO date or NULL
  encoding     TEXT NOT NULL,           -- as read: utf-8, utf-16, windows-1258, viscii, tcvn3, vni-windows, viqr, html
  encoding_confidence REAL NOT NULL DEFAULT 1,  -- how clearly detection chose it, 0..1
  text         TEXT NOT NULL,           -- stored text: claim spans index it
  normalized   TEXT NOT NULL,           -- NFC, tone placement, furniture dropped
  -- Its sentences in order, as JSON: [[norm_start, norm_end, span_start, span_end], ...],
  -- byte spans into `normalized` and `text`; one row each in the `sentences` view.
  -- A value per document, not a row per sentence: the rows cost a third of a bulk load.
  sentences    TEXT NOT NULL,
  run_id       INTEGER REFERENCES runs(run_id)
);

-- claim_id, and a comparison's (claim_id, idx), are unique through indexes
-- (schema/keys.sql), not primary keys: a bulk load into an empty database
-- drops them and builds them once at its end, by a sort. Kept row by row,
-- they made every claim an insert at a random place of a B-tree when
-- document ids are hashes: a quarter of the load's time.

-- A reported figure (spec/claims.md). claim_id is unique (claims_by_id).
CREATE TABLE IF NOT EXISTS claims (
  claim_id     TEXT NOT NULL,           -- doc_id:start-end
  doc_id       TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
  sentence_idx INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,      -- its sentence: bytes in documents.normalized
  sentence_end INTEGER NOT NULL,
  ord          INTEGER NOT NULL,        -- order in the document
  span_start   INTEGER NOT NULL,
  span_end     INTEGER NOT NULL,
  text         TEXT NOT NULL,
  number       TEXT NOT NULL,
  value        REAL NOT NULL,
  unit         TEXT NOT NULL,
  dimension    TEXT NOT NULL,
  si_value     REAL,
  si_unit      TEXT,
  denominator  REAL,
  qualifier    TEXT,
  modality     TEXT NOT NULL,
  metric       TEXT NOT NULL,
  metric_key   TEXT NOT NULL,           -- metric folded: no case, no diacritics
  indicator    TEXT,
  entity       TEXT,
  period_label TEXT,
  period_from  TEXT,
  period_to    TEXT,
  flags        TEXT NOT NULL,           -- JSON array
  part_of      TEXT                     -- claim_id of the total it is a part of
);

-- A percentage relating a claim to a baseline. (claim_id, idx) is unique (comparisons_by_claim).
CREATE TABLE IF NOT EXISTS comparisons (
  claim_id      TEXT NOT NULL REFERENCES claims(claim_id) ON DELETE CASCADE,
  idx           INTEGER NOT NULL,
  span_start    INTEGER NOT NULL,
  span_end      INTEGER NOT NULL,
  text          TEXT NOT NULL,
  percent       REAL NOT NULL,
  kind          TEXT NOT NULL,          -- share_of_baseline | change
  direction     TEXT,                   -- up | down
  baseline      TEXT,
  baseline_kind TEXT,
  flags         TEXT NOT NULL
);

-- Full-text search over sentences by their search key: lower case, no
-- diacritics, đ → d ("ban le hang hoa" finds "bán lẻ hàng hóa"). rowid is
-- (documents.rowid << 20) + the sentence's index. Built apart from the load, which
-- it would make half again as slow: `solieu search` brings it up to date
-- before it searches, and `--search-index` makes ingest, load or merge do so
-- at the end.
CREATE VIRTUAL TABLE IF NOT EXISTS sentence_search USING fts5(key, content='', tokenize='unicode61');

-- How far the search index reaches: every document up to this rowid is in
-- it, none after. A database of schema version 2 indexed each document as it
-- was written, so it starts out whole.
CREATE TABLE IF NOT EXISTS search_index_state (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_through INTEGER NOT NULL      -- documents.rowid
);
INSERT OR IGNORE INTO search_index_state (id, indexed_through) SELECT 1, coalesce(max(rowid), 0) FROM documents;

-- A cross-check finding of `solieu check` (spec/claims.md, "Cross-check
-- findings"). Re-running check replaces them.
CREATE TABLE IF NOT EXISTS findings (
  finding_id     INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL,         -- fraction_percent, shares_sum, parts_total, cross_source_conflict, ...
  severity       TEXT NOT NULL,         -- info | warning | error
  expected       REAL,                  -- what the arithmetic says the figure should be
  observed       REAL,                  -- what the text says
  tolerance      REAL,                  -- how far apart they may be: the precision as written, widened for khoảng/hơn/gần
  arithmetic     TEXT NOT NULL,         -- the computation, written out
  explanation    TEXT NOT NULL,         -- one line, English
  explanation_vi TEXT NOT NULL,         -- one line, Vietnamese
  run_id         INTEGER REFERENCES runs(run_id)
);

-- The claims a finding involves, in the order the explanation names them.
CREATE TABLE IF NOT EXISTS finding_claims (
  finding_id     INTEGER NOT NULL REFERENCES findings(finding_id) ON DELETE CASCADE,
  idx            INTEGER NOT NULL,
  claim_id       TEXT NOT NULL REFERENCES claims(claim_id) ON DELETE CASCADE,
  comparison_idx INTEGER,               -- the comparison checked, when it is one (its span and text)
  role           TEXT NOT NULL,         -- total, part, share, fraction, value, baseline, plan, ...
  PRIMARY KEY (finding_id, idx)
) WITHOUT ROWID;
