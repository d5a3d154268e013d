-- Junction rows of this load resolved to competence ids by NULL-safe natural-key equality (written as
-- hashable equalities, so the join stays a hash join on large loads).
INSERT INTO staging_lien (dimension, offre_id, dimension_id, date_extraction)
SELECT DISTINCT 'competence', s.offre_id, d.competence_id, s.date_extraction
FROM staging_competence s
JOIN competence d
  ON coalesce(d.competence_code, 0) = coalesce(s.competence_code, 0) AND (d.competence_code IS NULL) = (s.competence_code IS NULL)
      AND coalesce(d.competence_libelle, '') = coalesce(s.competence_libelle, '') AND (d.competence_libelle IS NULL) = (s.competence_libelle IS NULL)
      AND coalesce(d.competence_code_exigence, '') = coalesce(s.competence_code_exigence, '') AND (d.competence_code_exigence IS NULL) = (s.competence_code_exigence IS NULL)
