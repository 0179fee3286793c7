-- The second step of the upgrade to version 4 (migrate_v4.sql): the rows
-- of the old tables into the new ones, claims at their rowids, comparisons
-- in key order; then the old tables go, with their indexes, and keys.sql,
-- views.sql and indexes.sql make the indexes and views again.
INSERT INTO claims (rowid, claim_id, doc_id, sentence_idx, sentence_start, sentence_end, ord, span_start, span_end,
                    text, number, value, unit, dimension, si_value, si_unit, denominator, qualifier, modality,
                    metric, metric_key, indicator, entity, period_label, period_from, period_to, flags, part_of)
SELECT rowid, claim_id, doc_id, sentence_idx, sentence_start, sentence_end, ord, span_start, span_end,
       text, number, value, unit, dimension, si_value, si_unit, denominator, qualifier, modality,
       metric, metric_key, indicator, entity, period_label, period_from, period_to, flags, part_of
FROM claims_v3 ORDER BY rowid;
INSERT INTO comparisons (claim_id, idx, span_start, span_end, text, percent, kind, direction, baseline, baseline_kind, flags)
SELECT claim_id, idx, span_start, span_end, text, percent, kind, direction, baseline, baseline_kind, flags
FROM comparisons_v3 ORDER BY claim_id, idx;
DROP TABLE comparisons_v3;
DROP TABLE claims_v3;
