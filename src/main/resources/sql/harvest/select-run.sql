-- One run record (GET /admin/harvests/{id}). Parameter: id.
SELECT id, trigger, status, extraction_date, started_at, finished_at, counts::text AS counts, error
  FROM harvest_run
 WHERE id = :#id
