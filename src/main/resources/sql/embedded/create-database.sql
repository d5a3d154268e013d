-- The embedded server's one database (EmbeddedPostgres.DATABASE); a name cannot be a bound parameter.
CREATE DATABASE jobmarket
