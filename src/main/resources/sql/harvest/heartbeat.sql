-- The instance running the run is alive: its lease is renewed. Parameter: run_id.
UPDATE harvest_run SET heartbeat_at = now() WHERE id = :#run_id AND status = 'RUNNING'
