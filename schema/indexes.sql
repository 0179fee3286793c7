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
