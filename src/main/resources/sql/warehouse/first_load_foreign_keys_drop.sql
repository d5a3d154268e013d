-- First load into an empty warehouse only: the foreign keys are dropped for the inserts and added again,
-- checked in one pass each, at the end of the same transaction (first_load_foreign_keys_add). A per-row
-- check costs more than the insert itself: 566,490 offre_competence rows took 27.7 s with their two
-- checks, 6.2 s without and 0.4 s for the one-pass check. The dropping locks the tables until the commit;
-- an empty warehouse has nothing to read meanwhile. The keys' definitions are read from the catalogue into
-- a temporary table (gone at the commit or rollback), so the migrations stay their only source.
DO $$
DECLARE
    foreign_key record;
BEGIN
    CREATE TEMPORARY TABLE first_load_foreign_keys ON COMMIT DROP AS
    SELECT conrelid::regclass::text AS table_name, conname AS name, pg_get_constraintdef(oid) AS definition
      FROM pg_constraint
     WHERE contype = 'f' AND connamespace = current_schema()::regnamespace;
    FOR foreign_key IN SELECT * FROM first_load_foreign_keys LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', foreign_key.table_name, foreign_key.name);
    END LOOP;
END
$$
