-- Closes a RUNNING run: its status (SUCCEEDED or FAILED), the error that stopped it, its final counts.
-- Parameters: run_id, status, error (empty for a success: camel-sql cannot bind a parameter whose value is null),
-- counts (JSON text).
UPDATE harvest_run
   SET status = :#status, finished_at = now(), error = NULLIF(:#error, ''), counts = counts || CAST(:#counts AS jsonb)
 WHERE id = :#run_id AND status = 'RUNNING'
