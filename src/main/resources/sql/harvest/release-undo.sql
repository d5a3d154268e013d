-- An undo that did not complete leaves its run SUCCEEDED (it can be asked again). Parameter: id.
UPDATE harvest_run SET status = 'SUCCEEDED' WHERE id = :#id AND status = 'UNDOING'
