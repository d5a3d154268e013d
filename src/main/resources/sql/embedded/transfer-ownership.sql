-- Versions that connected as the superuser created the schema's objects as postgres: tables (Flyway's history
-- included), their sequences and indexes, one function. They go to the service role, so that its migrations
-- can alter them and its loads truncate and analyse them. (REASSIGN OWNED cannot take objects from postgres:
-- it also owns the system catalogues.) Names come from the catalogue, quoted by regclass and regprocedure.
DO $$
DECLARE
    object text;
BEGIN
    -- indexes, and the sequences of serial and identity columns, follow their table
    FOR object IN SELECT c.oid::regclass::text FROM pg_class c
                   WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = 'postgres'::regrole
                     AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
    LOOP
        EXECUTE format('ALTER TABLE %s OWNER TO jobmarket', object);
    END LOOP;
    FOR object IN SELECT c.oid::regclass::text FROM pg_class c
                   WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = 'postgres'::regrole
                     AND c.relkind = 'S'
    LOOP
        EXECUTE format('ALTER SEQUENCE %s OWNER TO jobmarket', object);
    END LOOP;
    FOR object IN SELECT p.oid::regprocedure::text FROM pg_proc p
                   WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = 'postgres'::regrole
    LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO jobmarket', object);
    END LOOP;
END
$$
