UPDATE harvest_run SET status = ?, finished_at = now(), error = ? WHERE id = ? AND status = 'RUNNING'
