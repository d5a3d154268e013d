-- competence: the natural-key tuples of this load not yet in the table, NULLs compared as equal (a NULL must
-- not create a new row at every load). Ordered so that the same input always gets the same ids;
-- existing rows keep theirs. Result: rows inserted.
INSERT INTO competence (competence_code, competence_libelle, competence_code_exigence)
SELECT DISTINCT s.competence_code, s.competence_libelle, s.competence_code_exigence
FROM staging_competence s
WHERE NOT EXISTS (
    SELECT 1 FROM competence d
    WHERE coalesce(d.competence_code, 0) = coalesce(s.competence_code, 0) AND (d.competence_code IS NULL) = (s.competence_code IS NULL)
      AND coalesce(d.competence_libelle, '') = coalesce(s.competence_libelle, '') AND (d.competence_libelle IS NULL) = (s.competence_libelle IS NULL)
      AND coalesce(d.competence_code_exigence, '') = coalesce(s.competence_code_exigence, '') AND (d.competence_code_exigence IS NULL) = (s.competence_code_exigence IS NULL))
ORDER BY s.competence_code, s.competence_libelle, s.competence_code_exigence
ON CONFLICT DO NOTHING
