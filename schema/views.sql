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
