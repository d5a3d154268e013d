-- At start-up: a run left RUNNING by this instance before it stopped is FAILED, and so is one whose lease expired
-- (its instance is gone); an undo left UNDOING did not complete, its run is SUCCEEDED again (the undo can be asked
-- again: it finishes what it had done). With the embedded database every run is this instance's.
-- Parameters: 1 every run is this instance's, 2 this instance, 3 the lease in seconds.
UPDATE harvest_run
   SET status = CASE status WHEN 'RUNNING' THEN 'FAILED' ELSE 'SUCCEEDED' END,
       finished_at = coalesce(finished_at, now()),
       error = CASE status WHEN 'RUNNING' THEN 'interrupted: the service was stopped during the run' ELSE error END
 WHERE status IN ('RUNNING', 'UNDOING')
   AND (? OR instance IS NULL OR instance = ? OR heartbeat_at < now() - make_interval(secs => ?))
