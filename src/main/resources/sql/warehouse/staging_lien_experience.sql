-- Junction rows of this load resolved to experience ids by NULL-safe natural-key equality (written as
-- hashable equalities, so the join stays a hash join on large loads).
INSERT INTO staging_lien (dimension, offre_id, dimension_id, date_extraction)
SELECT DISTINCT 'experience', s.offre_id, d.experience_id, s.date_lien
FROM staging_offre s
JOIN experience d
  ON coalesce(d.experience_libelle, '') = coalesce(s.experience_libelle, '') AND (d.experience_libelle IS NULL) = (s.experience_libelle IS NULL)
      AND coalesce(d.experience_code_exigence, '') = coalesce(s.experience_code_exigence, '') AND (d.experience_code_exigence IS NULL) = (s.experience_code_exigence IS NULL)
      AND coalesce(d.experience_commentaire, '') = coalesce(s.experience_commentaire, '') AND (d.experience_commentaire IS NULL) = (s.experience_commentaire IS NULL)
-- reference 5.4: only an offer with an experience label gets a row
WHERE s.experience_libelle IS NOT NULL
