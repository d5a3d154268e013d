-- offre_permisconduire: this load's rows not already there, each dated with the offer's dateExtraction (a plain insert
-- behind an anti-join: cheaper than ON CONFLICT's speculative insertion). Result: rows inserted.
INSERT INTO offre_permisconduire (offre_id, permis_id, date_extraction)
SELECT l.offre_id, l.dimension_id, l.date_extraction
FROM staging_lien l
WHERE l.dimension = 'permisconduire'
  AND NOT EXISTS (
      SELECT 1 FROM offre_permisconduire j
      WHERE j.offre_id = l.offre_id AND j.permis_id = l.dimension_id AND j.date_extraction = l.date_extraction)
ORDER BY l.offre_id, l.dimension_id
