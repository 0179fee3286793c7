-- Secondary indexes, built once after a bulk load rather than row by row
-- (the keys, schema/keys.sql, come first). Each serves a query that is run:
-- a document's claims in order (export, check, report, the cascade from
-- documents), a finding's claims, and the series users ask for by
-- indicator or folded metric, for an entity, over periods (README,
-- docs/queries.md; check itself groups claims in temporary tables). Every
-- index costs a sort of all claims at the end of each ingest, so there is
-- none for a query nobody runs: one on si_value took a fifth of that tail.
CREATE INDEX IF NOT EXISTS claims_by_doc ON claims(doc_id, ord);
-- Series by indicator: only the claims that have one (a fifth have none),
-- which every query of them names ("indicator = ...", "IS NOT NULL").
CREATE INDEX IF NOT EXISTS claims_by_indicator ON claims(indicator, entity, period_from) WHERE indicator IS NOT NULL;
CREATE INDEX IF NOT EXISTS claims_by_metric ON claims(metric_key, entity, period_from);
CREATE INDEX IF NOT EXISTS finding_claims_by_claim ON finding_claims(claim_id);
