-- offre_competence: the competence pairs of this load the offer does not have yet, dated with the offer's
-- dateExtraction; none for an offer that already has rows of a later extraction (its latest set stays).
-- All rows of an offer thus share one date, its latest extraction's. A plain insert behind an
-- anti-join: cheaper than ON CONFLICT's speculative insertion. Result: rows inserted.
INSERT INTO offre_competence (offre_id, competence_id, date_extraction)
SELECT l.offre_id, l.dimension_id, l.date_extraction
FROM staging_lien l
WHERE l.dimension = 'competence'
  AND NOT EXISTS (
      SELECT 1 FROM offre_competence j
      WHERE j.offre_id = l.offre_id
        AND (j.competence_id = l.dimension_id OR j.date_extraction > l.date_extraction))
ORDER BY l.offre_id, l.dimension_id
