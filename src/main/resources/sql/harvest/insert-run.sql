-- A new RUNNING run; the unique index harvest_run_one_running refuses it while another run is RUNNING.
-- Parameters: trigger, extraction_date. Result: the run's id.
INSERT INTO harvest_run (trigger, status, extraction_date) VALUES (:#trigger, 'RUNNING', :#extraction_date) RETURNING id
