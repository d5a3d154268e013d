-- The counts of the stages done so far, e.g. {"harvest": {...}, "process": {...}}. Parameters: run_id, counts (JSON text).
UPDATE harvest_run SET counts = counts || CAST(:#counts AS jsonb) WHERE id = :#run_id
