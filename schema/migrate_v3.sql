-- Upgrades a database of schema version 1 or 2 (a row per sentence in a
-- `sentences` table) to version 3: each document's sentence spans in
-- documents.sentences, each claim's sentence span on the claim, `sentences`
-- a view. Run once, in the transaction that opens the database for writing,
-- before views.sql makes the views again.
DROP VIEW IF EXISTS facts;
DROP VIEW IF EXISTS comparisons_v;
DROP VIEW IF EXISTS findings_v;
DROP VIEW IF EXISTS series;
ALTER TABLE documents ADD COLUMN sentences TEXT NOT NULL DEFAULT '[]';
UPDATE documents SET sentences = coalesce(
  (SELECT json_group_array(json_array(norm_start, norm_end, span_start, span_end))
   FROM (SELECT norm_start, norm_end, span_start, span_end FROM sentences s
         WHERE s.doc_id = documents.doc_id ORDER BY s.idx)), '[]');
ALTER TABLE claims ADD COLUMN sentence_start INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN sentence_end INTEGER NOT NULL DEFAULT 0;
UPDATE claims SET (sentence_start, sentence_end) =
  (SELECT norm_start, norm_end FROM sentences s WHERE s.doc_id = claims.doc_id AND s.idx = claims.sentence_idx);
DROP TABLE sentences;
