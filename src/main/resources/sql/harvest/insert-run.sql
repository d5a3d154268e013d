INSERT INTO harvest_run (trigger, status, extraction_date) VALUES (?, 'RUNNING', ?) RETURNING id
