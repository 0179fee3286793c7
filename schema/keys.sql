-- The keys of claims and comparisons: unique indexes rather than primary
-- keys, so that a bulk load into an empty database can drop them and build
-- them once at the end (Store::DeferIndexes, Store::CreateIndexes). Foreign
-- keys that name claims(claim_id) need claims_by_id, so opening a database
-- for writing makes any that are missing (a load killed before its end).
CREATE UNIQUE INDEX IF NOT EXISTS claims_by_id ON claims(claim_id);
CREATE UNIQUE INDEX IF NOT EXISTS comparisons_by_claim ON comparisons(claim_id, idx);
