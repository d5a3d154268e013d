-- The run records, newest first (GET /admin/harvests). Parameter: limit.
SELECT id, trigger, status, extraction_date, started_at, finished_at, counts::text AS counts, error
  FROM harvest_run
 ORDER BY started_at DESC, id DESC
 LIMIT :#limit
