-- offre_qualiteprofessionnelle: for each offer of this load, the rows dated on or before its extraction whose qualiteprofessionnelle is not
-- in its new set (an offer whose list became empty keeps no row). Rows dated after it belong to a later
-- extraction already loaded and stay. Result: rows deleted.
DELETE FROM offre_qualiteprofessionnelle j
USING staging_offre s
WHERE j.offre_id = s.offre_id
  AND j.date_extraction <= s.date_lien
  AND NOT EXISTS (
      SELECT 1 FROM staging_lien l
      WHERE l.dimension = 'qualiteprofessionnelle' AND l.offre_id = j.offre_id AND l.dimension_id = j.qualite_professionnelle_id)
