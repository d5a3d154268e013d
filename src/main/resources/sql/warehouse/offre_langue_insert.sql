-- offre_langue: the langue pairs of this load the offer does not have yet, dated with the offer's
-- dateExtraction; none for an offer that already has rows of a later extraction (its latest set stays).
-- All rows of an offer thus share one date, its latest extraction's. A plain insert behind an
-- anti-join: cheaper than ON CONFLICT's speculative insertion. Result: rows inserted.
INSERT INTO offre_langue (offre_id, langue_id, date_extraction)
SELECT l.offre_id, l.dimension_id, l.date_extraction
FROM staging_lien l
WHERE l.dimension = 'langue'
  AND NOT EXISTS (
      SELECT 1 FROM offre_langue j
      WHERE j.offre_id = l.offre_id
        AND (j.langue_id = l.dimension_id OR j.date_extraction > l.date_extraction))
ORDER BY l.offre_id, l.dimension_id
