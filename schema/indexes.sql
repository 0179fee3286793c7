-- Secondary indexes, built once after a bulk load rather than row by row.
CREATE INDEX IF NOT EXISTS claims_by_doc ON claims(doc_id, ord);
CREATE INDEX IF NOT EXISTS claims_by_indicator ON claims(indicator, entity, period_from);
CREATE INDEX IF NOT EXISTS claims_by_metric ON claims(metric_key, entity, period_from);
CREATE INDEX IF NOT EXISTS claims_by_value ON claims(si_value);
CREATE INDEX IF NOT EXISTS finding_claims_by_claim ON finding_claims(claim_id);
