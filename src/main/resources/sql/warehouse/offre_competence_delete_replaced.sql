-- offre_competence: for each offer of this load, the rows dated on or before its extraction that are not in its new
-- set. The latest extraction's complete set replaces them, a same-day re-run included; an offer whose
-- list became empty keeps no row. Result: rows deleted.
DELETE FROM offre_competence j
USING staging_offre s
WHERE j.offre_id = s.offre_id
  AND j.date_extraction <= s.date_lien
  AND NOT EXISTS (
      SELECT 1 FROM staging_lien l
      WHERE l.dimension = 'competence' AND l.offre_id = j.offre_id
        AND l.dimension_id = j.competence_id AND l.date_extraction = j.date_extraction)
