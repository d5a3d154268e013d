UPDATE harvest_run SET counts = counts || ?::jsonb WHERE id = ?
