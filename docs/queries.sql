-- ## Every figure about retail sales in Bắc Kạn, by period
-- The `series` view has one row per reported value: the same period reported
-- by several documents shows as several rows.
SELECT period_label, modality, text, source
FROM series
WHERE indicator = 'retail_sales' AND entity = 'thành phố Bắc Kạn'
ORDER BY period_from, period_to;

-- ## Targets and plans against what was achieved
-- Every target or plan, with the actual value reported for the same
-- indicator, entity and period, if any.
SELECT t.indicator, t.entity, t.period_label, t.modality, t.text AS planned, a.text AS achieved
FROM facts t
LEFT JOIN facts a ON a.indicator = t.indicator AND a.entity = t.entity
  AND a.period_from = t.period_from AND a.period_to = t.period_to AND a.modality = 'actual'
WHERE t.modality IN ('target', 'plan') AND t.indicator IS NOT NULL
ORDER BY t.entity, t.period_from;

-- ## Conflicting figures
-- Run `solieu check` first. One row per claim of each conflict.
SELECT finding_id, text, period_label, source
FROM findings_v
WHERE kind = 'cross_source_conflict'
ORDER BY finding_id, idx;

-- ## Which documents repeat the same number
SELECT indicator, entity, period_label, text, count(DISTINCT doc_id) AS documents
FROM facts
WHERE indicator IS NOT NULL
GROUP BY indicator, entity, period_from, period_to, si_value
HAVING count(DISTINCT doc_id) > 1
ORDER BY documents DESC, indicator;

-- ## Errors found by the checks, with the arithmetic
SELECT DISTINCT finding_id, kind, arithmetic
FROM findings_v
WHERE severity = 'error'
ORDER BY finding_id;

-- ## The sentence behind each claim of a finding
SELECT finding_id, role, text, substr(sentence, 1, 90) AS sentence
FROM findings_v
WHERE kind IN ('fraction_percent', 'stated_change')
ORDER BY finding_id, idx;

-- ## Plans implied by "X, bằng Y% kế hoạch" and what the year reached
SELECT DISTINCT finding_id, severity, explanation
FROM findings_v
WHERE kind = 'implied_baseline'
ORDER BY finding_id;

-- ## How much of the plan or the estimate each figure reached
SELECT entity, period_label, metric, claim_text, text AS percent, baseline
FROM comparisons_v
WHERE baseline_kind IN ('plan', 'budget_estimate')
ORDER BY entity, period_label;

-- ## Growth against the same period of the year before
SELECT entity, period_label, claim_text, direction, text AS change
FROM comparisons_v
WHERE kind = 'change' AND baseline_kind = 'same_period'
ORDER BY entity;

-- ## Budget revenue, every city, every period
SELECT entity, period_label, modality, text
FROM series
WHERE indicator = 'budget_revenue'
ORDER BY entity, period_from, period_to;

-- ## Parts and their totals ("trong đó")
SELECT t.text AS total, p.text AS part, p.metric AS part_metric
FROM claims p JOIN claims t ON t.claim_id = p.part_of
ORDER BY t.claim_id, p.ord;

-- ## Sentences that mention retail sales, typed without diacritics
-- solieu_fold() lowers case and drops diacritics (đ → d), so "ban le" finds "bán lẻ".
SELECT DISTINCT entity, substr(sentence, 1, 100) AS sentence
FROM facts
WHERE solieu_fold(sentence) LIKE '%ban le%'
ORDER BY entity;

-- ## Which indicators the corpus reports most
SELECT indicator, count(*) AS claims, count(DISTINCT entity) AS entities, count(DISTINCT doc_id) AS documents
FROM facts
WHERE indicator IS NOT NULL
GROUP BY indicator
ORDER BY claims DESC, indicator
LIMIT 10;
