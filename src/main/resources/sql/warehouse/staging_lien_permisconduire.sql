-- Junction rows of this load resolved to permisconduire ids by NULL-safe natural-key equality (written as
-- hashable equalities, so the join stays a hash join on large loads).
INSERT INTO staging_lien (dimension, offre_id, dimension_id, date_extraction)
SELECT DISTINCT 'permisconduire', s.offre_id, d.permis_id, s.date_extraction
FROM staging_permisconduire s
JOIN permisconduire d
  ON coalesce(d.permis_libelle, '') = coalesce(s.permis_libelle, '') AND (d.permis_libelle IS NULL) = (s.permis_libelle IS NULL)
      AND coalesce(d.permis_code_exigence, '') = coalesce(s.permis_code_exigence, '') AND (d.permis_code_exigence IS NULL) = (s.permis_code_exigence IS NULL)
