-- solieu's database schema as version 3 left it (schema/schema.sql before
-- version 4): claims and comparisons keyed by primary keys. A test fixture
-- for the upgrade (tests/schema/store_keys_test.cc).
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

-- A reported figure (spec/claims.md).
CREATE TABLE IF NOT EXISTS claims (
  claim_id     TEXT PRIMARY KEY,        -- doc_id:start-end
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

-- A percentage relating a claim to a baseline.
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
  flags         TEXT NOT NULL,
  PRIMARY KEY (claim_id, idx)
) WITHOUT ROWID;

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

-- Its views and secondary indexes (schema/views.sql, schema/indexes.sql of version 3).
-- Views with the names users guess. The sentence text is derived from the
-- document's normalized text (stored once) and the sentence's byte span.

-- One row per sentence of every document: its byte spans and its text.
DROP VIEW IF EXISTS sentences;
CREATE VIEW sentences AS
SELECT d.doc_id, CAST(j.key AS INTEGER) AS idx,
       json_extract(j.value, '$[0]') AS norm_start, json_extract(j.value, '$[1]') AS norm_end,
       json_extract(j.value, '$[2]') AS span_start, json_extract(j.value, '$[3]') AS span_end,
       CAST(substr(CAST(d.normalized AS BLOB), json_extract(j.value, '$[0]') + 1,
                   json_extract(j.value, '$[1]') - json_extract(j.value, '$[0]')) AS TEXT) AS sentence
FROM documents d, json_each(d.sentences) j;

-- One row per claim with its document, sentence text, period, entity and indicator: start here.
DROP VIEW IF EXISTS facts;
CREATE VIEW facts AS
SELECT c.claim_id, c.doc_id, d.source, d.title, d.published,
       c.sentence_idx,
       CAST(substr(CAST(d.normalized AS BLOB), c.sentence_start + 1, c.sentence_end - c.sentence_start) AS TEXT) AS sentence,
       c.span_start, c.span_end, c.text, c.number, c.value, c.unit, c.dimension,
       c.si_value, c.si_unit, c.denominator, c.qualifier, c.modality, c.metric,
       c.indicator, c.entity, c.period_label, c.period_from, c.period_to, c.flags,
       (SELECT count(*) FROM comparisons k WHERE k.claim_id = c.claim_id) AS n_comparisons
FROM claims c
JOIN documents d ON d.doc_id = c.doc_id;

-- One row per comparison (bằng 107% Nghị quyết, tăng 8,3% so với cùng kỳ) with its claim.
DROP VIEW IF EXISTS comparisons_v;
CREATE VIEW comparisons_v AS
SELECT k.claim_id, k.idx, k.span_start, k.span_end, k.text, k.percent, k.kind,
       k.direction, k.baseline, k.baseline_kind, k.flags,
       c.doc_id, c.text AS claim_text, c.value AS claim_value, c.unit AS claim_unit,
       c.metric, c.indicator, c.entity, c.period_label, c.modality
FROM comparisons k JOIN claims c ON c.claim_id = k.claim_id;

-- One row per claim of a finding, with the claim's figure and sentence.
DROP VIEW IF EXISTS findings_v;
CREATE VIEW findings_v AS
SELECT f.finding_id, f.kind, f.severity, f.expected, f.observed, f.tolerance, f.arithmetic,
       f.explanation, f.explanation_vi, fc.idx, fc.role, fc.claim_id,
       coalesce(k.text, c.text) AS text,  -- the figure checked: the claim, or its comparison ("96,5%")
       c.doc_id, c.source, c.text AS claim_text, c.value, c.unit, c.metric, c.indicator, c.entity,
       c.period_label, c.modality, c.sentence,
       k.text AS comparison_text, k.percent AS comparison_percent
FROM findings f
JOIN finding_claims fc ON fc.finding_id = f.finding_id
JOIN facts c ON c.claim_id = fc.claim_id
LEFT JOIN comparisons k ON k.claim_id = fc.claim_id AND k.idx = fc.comparison_idx;

-- Every reported value of an indicator (or, without one, a metric) for an
-- entity and period: one row per claim, with its modality and source.
DROP VIEW IF EXISTS series;
CREATE VIEW series AS
SELECT coalesce(c.indicator, 'metric:' || c.metric) AS series_key, c.indicator, c.metric, c.entity,
       c.period_label, c.period_from, c.period_to, c.modality, c.value, c.unit, c.si_value, c.si_unit,
       c.qualifier, c.text, c.claim_id, c.doc_id, c.source, c.published, c.sentence
FROM facts c
WHERE c.period_from IS NOT NULL
ORDER BY series_key, c.entity, c.period_from, c.period_to, c.modality, c.published;
-- Secondary indexes, built once after a bulk load rather than row by row.
-- Each serves a query solieu runs: a document's claims in order (export,
-- check, report, the cascade from documents), and the groups check compares
-- (an indicator or a metric, for an entity, over periods). Every index costs
-- a sort of all claims at the end of each ingest, so there is none for a
-- query solieu does not run: one on si_value took a fifth of that tail.
CREATE INDEX IF NOT EXISTS claims_by_doc ON claims(doc_id, ord);
CREATE INDEX IF NOT EXISTS claims_by_indicator ON claims(indicator, entity, period_from);
CREATE INDEX IF NOT EXISTS claims_by_metric ON claims(metric_key, entity, period_from);
CREATE INDEX IF NOT EXISTS finding_claims_by_claim ON finding_claims(claim_id);

PRAGMA user_version=3;
