-- A new RUNNING run of this instance, its heartbeat now; the unique index harvest_run_one_running refuses it while
-- another run (or an undo) is in progress. Parameters: trigger, extraction_date, instance. Result: the run's id.
INSERT INTO harvest_run (trigger, status, extraction_date, instance)
VALUES (:#trigger, 'RUNNING', :#extraction_date, :#instance)
RETURNING id
