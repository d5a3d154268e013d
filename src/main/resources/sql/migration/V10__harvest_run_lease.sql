-- A run's lease (several instances on one database): the instance that runs it (instance) refreshes heartbeat_at
-- every few seconds; a run whose heartbeat is older than jobmarket.harvest.lease-seconds was left by an instance
-- that is gone, and the next trigger marks it FAILED instead of being refused until that instance restarts.
ALTER TABLE harvest_run ADD COLUMN instance TEXT, ADD COLUMN heartbeat_at TIMESTAMPTZ;
UPDATE harvest_run SET heartbeat_at = coalesce(finished_at, started_at);
ALTER TABLE harvest_run ALTER COLUMN heartbeat_at SET DEFAULT now(), ALTER COLUMN heartbeat_at SET NOT NULL;
