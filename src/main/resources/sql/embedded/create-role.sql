-- The service role (EmbeddedPostgres.SERVICE_ROLE): it logs in and owns the database, nothing more; its
-- password is set by the driver right after. A name cannot be a bound parameter.
CREATE ROLE jobmarket LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
