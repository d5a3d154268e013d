UPDATE harvest_run SET status = 'FAILED', finished_at = now(),
       error = 'interrupted: the service stopped during the run'
 WHERE status = 'RUNNING'
