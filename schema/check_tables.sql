-- What `solieu check` keeps on disk rather than in memory (schema/store_check.cc):
-- temporary tables, in SQLite's temporary directory, gone with the connection.

-- Findings as they are found, each with the place it sorts to (k0..k3, then
-- stage_id) and its printed form; stored and printed in that order.
CREATE TEMP TABLE IF NOT EXISTS staged_findings (
  stage_id INTEGER PRIMARY KEY, k0, k1, k2, k3,
  kind, severity, expected, observed, tolerance, arithmetic, explanation, explanation_vi, printed
);
CREATE TEMP TABLE IF NOT EXISTS staged_finding_claims (stage_id INTEGER, idx INTEGER, claim_id, comparison_idx, role);
CREATE INDEX IF NOT EXISTS temp.staged_finding_claims_by_stage ON staged_finding_claims (stage_id, idx);
-- Each staged finding's id in `findings`, made when they are stored.
CREATE TEMP TABLE IF NOT EXISTS staged_ids (finding_id INTEGER PRIMARY KEY, stage_id INTEGER);

-- The claims compared across documents: the group they are compared in, the
-- document's place, the claim's, its sentence, and the claim's columns as in
-- `claims`; their comparisons apart, by the claim's rowid. Read back sorted
-- by group. The keys that are joined on are declared INTEGER: an untyped
-- column compared with a rowid cannot be looked up in its index, and the
-- join would scan every comparison for every claim.
CREATE TEMP TABLE IF NOT EXISTS staged_series (
  group_key, doc_order, ord, doc_id, source, sentence,
  claim_id, sentence_idx, span_start, span_end, text, number, value, unit, dimension, si_value, si_unit,
  denominator, qualifier, modality, metric, indicator, entity, period_label, period_from, period_to, flags
);
CREATE TEMP TABLE IF NOT EXISTS staged_series_comparisons (
  series_id INTEGER, idx INTEGER, span_start, span_end, text, percent, kind, direction, baseline, baseline_kind, flags
);
CREATE INDEX IF NOT EXISTS temp.staged_series_comparisons_by_claim ON staged_series_comparisons (series_id, idx);
