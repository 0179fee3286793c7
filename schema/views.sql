-- Views with the names users guess. The sentence text is derived from the
-- document's normalized text (stored once) and the sentence's byte span.

DROP VIEW IF EXISTS facts;
CREATE VIEW facts AS
SELECT c.claim_id, c.doc_id, d.source, d.title, d.published,
       c.sentence_idx,
       CAST(substr(CAST(d.normalized AS BLOB), s.norm_start + 1, s.norm_end - s.norm_start) AS TEXT) AS sentence,
       c.span_start, c.span_end, c.text, c.number, c.value, c.unit, c.dimension,
       c.si_value, c.si_unit, c.denominator, c.qualifier, c.modality, c.metric,
       c.indicator, c.entity, c.period_label, c.period_from, c.period_to, c.flags,
       (SELECT count(*) FROM comparisons k WHERE k.claim_id = c.claim_id) AS n_comparisons
FROM claims c
JOIN documents d ON d.doc_id = c.doc_id
JOIN sentences s ON s.doc_id = c.doc_id AND s.idx = c.sentence_idx;

DROP VIEW IF EXISTS comparisons_v;
CREATE VIEW comparisons_v AS
SELECT k.claim_id, k.idx, k.span_start, k.span_end, k.text, k.percent, k.kind,
       k.direction, k.baseline, k.baseline_kind, k.flags,
       c.doc_id, c.text AS claim_text, c.value AS claim_value, c.unit AS claim_unit,
       c.metric, c.indicator, c.entity, c.period_label, c.modality
FROM comparisons k JOIN claims c ON c.claim_id = k.claim_id;
