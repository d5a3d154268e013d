-- Before a trigger or an undo: a run (or an undo) whose instance sent no heartbeat for longer than the lease was left
-- by an instance that is gone. The run is FAILED, an undo's run SUCCEEDED again (the undo can be asked again), and
-- the trigger goes on. Parameter: lease_seconds. Result: the runs expired, with their instance.
UPDATE harvest_run
   SET status = CASE status WHEN 'RUNNING' THEN 'FAILED' ELSE 'SUCCEEDED' END,
       finished_at = coalesce(finished_at, now()),
       error = CASE status
                   WHEN 'RUNNING' THEN 'instance lost: ' || coalesce(instance, 'an unknown instance')
                                       || ' sent no heartbeat since '
                                       || to_char(heartbeat_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC'
                   ELSE error END
 WHERE status IN ('RUNNING', 'UNDOING') AND heartbeat_at < now() - make_interval(secs => CAST(:#lease_seconds AS integer))
RETURNING id, status, instance
