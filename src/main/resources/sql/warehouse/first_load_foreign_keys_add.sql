-- The foreign keys first_load_foreign_keys_drop dropped, with their catalogue definitions, each checked
-- against the loaded rows in one pass; a row without its offer or dimension fails the load.
DO $$
DECLARE
    foreign_key record;
BEGIN
    FOR foreign_key IN SELECT * FROM first_load_foreign_keys LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', foreign_key.table_name, foreign_key.name,
                       foreign_key.definition);
    END LOOP;
END
$$
