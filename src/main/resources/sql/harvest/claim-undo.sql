-- The run to undo becomes UNDOING if it is still the latest success; the one-running index refuses it while a run
-- or another undo is in progress (unique violation). Its heartbeat is now: an undo takes far less than the lease.
-- Parameter: id. Result: 1 row updated, or 0.
UPDATE harvest_run SET status = 'UNDOING', heartbeat_at = now()
 WHERE id = :#id AND status = 'SUCCEEDED' AND id = (SELECT max(id) FROM harvest_run WHERE status = 'SUCCEEDED')
