-- plusieurs-offres.sql: the experience each offer shows, that of its latest extraction (ties: the label), as its
-- LATERAL subquery picks it
SELECT DISTINCT ON (oe.offre_id) oe.offre_id, e.experience_libelle
  FROM offre_experience oe
  JOIN experience e ON e.experience_id = oe.experience_id
 ORDER BY oe.offre_id, oe.date_extraction DESC, e.experience_libelle
