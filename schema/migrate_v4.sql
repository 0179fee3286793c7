-- Upgrades a database of schema version 1 to 3 (after migrate_v3.sql where
-- that applies) to version 4, in two steps around schema.sql: claims and
-- comparisons become rowid tables whose keys are unique indexes
-- (schema/keys.sql), which a bulk load can build once at its end. Here the
-- old tables move aside; schema.sql then makes the new ones and
-- migrate_v4_rows.sql moves the rows in. Run once, in the transaction that
-- opens the database for writing, with foreign keys off.
DROP VIEW IF EXISTS sentences;
DROP VIEW IF EXISTS facts;
DROP VIEW IF EXISTS comparisons_v;
DROP VIEW IF EXISTS findings_v;
DROP VIEW IF EXISTS series;
-- Legacy renaming leaves the REFERENCES claims(claim_id) of other tables as
-- they are, naming the new table, not the old one.
PRAGMA legacy_alter_table=ON;
ALTER TABLE claims RENAME TO claims_v3;
ALTER TABLE comparisons RENAME TO comparisons_v3;
PRAGMA legacy_alter_table=OFF;
