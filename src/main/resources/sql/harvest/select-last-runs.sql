-- What the health check and the last-success metric show: the last finished run (none: NULL columns) and the
-- end of the last successful one.
SELECT last.id, last.status, last.extraction_date, last.finished_at,
       (SELECT max(finished_at) FROM harvest_run WHERE status = 'SUCCEEDED') AS last_success_at
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (SELECT id, status, extraction_date, finished_at
                       FROM harvest_run
                      WHERE finished_at IS NOT NULL
                      ORDER BY finished_at DESC, id DESC
                      LIMIT 1) AS last ON true
