-- A successful run can be undone (DELETE /admin/harvests/{id}): UNDOING while the history file and the warehouse
-- go back to the run before it, then UNDONE.
ALTER TABLE harvest_run DROP CONSTRAINT harvest_run_status_check;
ALTER TABLE harvest_run ADD CONSTRAINT harvest_run_status_check
    CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'UNDOING', 'UNDONE'));

-- Never a run and an undo at once, nor two undos, even with several instances on one database.
DROP INDEX harvest_run_one_running;
CREATE UNIQUE INDEX harvest_run_one_running ON harvest_run ((true)) WHERE status IN ('RUNNING', 'UNDOING');
