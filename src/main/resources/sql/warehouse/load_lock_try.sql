-- One warehouse load at a time, across instances sharing the database: the staging tables are shared.
-- Session-level advisory lock, released by load_lock_release.sql or when the connection closes.
SELECT pg_try_advisory_lock(?)
