-- At start-up: a run left RUNNING by a process that stopped is FAILED; an undo left UNDOING did not complete, its
-- run is SUCCEEDED again (the undo can be asked again: it finishes what it had done).
UPDATE harvest_run
   SET status = CASE status WHEN 'RUNNING' THEN 'FAILED' ELSE 'SUCCEEDED' END,
       finished_at = coalesce(finished_at, now()),
       error = CASE status WHEN 'RUNNING' THEN 'interrupted: the service was stopped during the run' ELSE error END
 WHERE status IN ('RUNNING', 'UNDOING')
