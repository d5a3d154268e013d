-- Releases the lock taken by load_lock_try.sql.
SELECT pg_advisory_unlock(?)
