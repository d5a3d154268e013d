-- experience: the natural-key tuples of this load not yet in the table, NULLs compared as equal (a NULL must
-- not create a new row at every load). Ordered so that the same input always gets the same ids;
-- existing rows keep theirs. Result: rows inserted.
INSERT INTO experience (experience_libelle, experience_code_exigence, experience_commentaire)
SELECT DISTINCT s.experience_libelle, s.experience_code_exigence, s.experience_commentaire
FROM staging_offre s
WHERE s.experience_libelle IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM experience d
    WHERE coalesce(d.experience_libelle, '') = coalesce(s.experience_libelle, '') AND (d.experience_libelle IS NULL) = (s.experience_libelle IS NULL)
      AND coalesce(d.experience_code_exigence, '') = coalesce(s.experience_code_exigence, '') AND (d.experience_code_exigence IS NULL) = (s.experience_code_exigence IS NULL)
      AND coalesce(d.experience_commentaire, '') = coalesce(s.experience_commentaire, '') AND (d.experience_commentaire IS NULL) = (s.experience_commentaire IS NULL))
ORDER BY s.experience_libelle, s.experience_code_exigence, s.experience_commentaire
ON CONFLICT DO NOTHING
