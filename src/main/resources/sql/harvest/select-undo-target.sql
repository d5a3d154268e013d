-- What an undo of a run needs (DELETE /admin/harvests/{id}): the run, whether it is the latest success, whether a
-- run or an undo is in progress, and the history file and extraction date of the success before it (the state the
-- undo gives back; failed and undone runs changed nothing). Parameter: id.
SELECT r.id, r.status, r.counts -> 'history' ->> 'file' AS history_file,
       r.id = (SELECT max(id) FROM harvest_run WHERE status = 'SUCCEEDED') AS latest_success,
       (SELECT max(id) FROM harvest_run WHERE status IN ('RUNNING', 'UNDOING')) AS busy_run,
       before.history_file AS restored_history_file, before.extraction_date AS restored_extraction_date
  FROM harvest_run r
  LEFT JOIN LATERAL (SELECT b.counts -> 'history' ->> 'file' AS history_file, b.extraction_date
                       FROM harvest_run b
                      WHERE b.status = 'SUCCEEDED' AND b.id < r.id
                      ORDER BY b.id DESC
                      LIMIT 1) AS before ON true
 WHERE r.id = :#id
