-- Junction rows of this load resolved to qualiteprofessionnelle ids by NULL-safe natural-key equality (written as
-- hashable equalities, so the join stays a hash join on large loads).
INSERT INTO staging_lien (dimension, offre_id, dimension_id, date_extraction)
SELECT DISTINCT 'qualiteprofessionnelle', s.offre_id, d.qualite_professionnelle_id, s.date_extraction
FROM staging_qualiteprofessionnelle s
JOIN qualiteprofessionnelle d
  ON coalesce(d.qualite_professionnelle_libelle, '') = coalesce(s.qualite_professionnelle_libelle, '') AND (d.qualite_professionnelle_libelle IS NULL) = (s.qualite_professionnelle_libelle IS NULL)
      AND coalesce(d.qualite_professionnelle_description, '') = coalesce(s.qualite_professionnelle_description, '') AND (d.qualite_professionnelle_description IS NULL) = (s.qualite_professionnelle_description IS NULL)
