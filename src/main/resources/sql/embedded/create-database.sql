-- The embedded server's one database (EmbeddedPostgres.DATABASE), owned by the service role; names cannot be
-- bound parameters.
CREATE DATABASE jobmarket OWNER jobmarket
