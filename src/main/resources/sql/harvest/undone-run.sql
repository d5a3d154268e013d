-- The undo is complete: the run is UNDONE, its counts say what was restored. Parameters: id, counts (JSON text).
UPDATE harvest_run SET status = 'UNDONE', counts = counts || CAST(:#counts AS jsonb)
 WHERE id = :#id AND status = 'UNDOING'
