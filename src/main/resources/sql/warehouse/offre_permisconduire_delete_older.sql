-- offre_permisconduire: reference.md 5.5 as intended: for each offer of this load, the rows older than the offer's
-- greatest date_extraction in this table (all rows of the latest extraction stay). Result: rows deleted.
DELETE FROM offre_permisconduire j
USING (SELECT x.offre_id, max(x.date_extraction) AS latest
       FROM offre_permisconduire x
       JOIN staging_offre s ON s.offre_id = x.offre_id
       GROUP BY x.offre_id) l
WHERE j.offre_id = l.offre_id
  AND j.date_extraction < l.latest
