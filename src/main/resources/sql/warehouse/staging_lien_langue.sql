-- Junction rows of this load resolved to langue ids by NULL-safe natural-key equality (written as
-- hashable equalities, so the join stays a hash join on large loads).
INSERT INTO staging_lien (dimension, offre_id, dimension_id, date_extraction)
SELECT DISTINCT 'langue', s.offre_id, d.langue_id, s.date_extraction
FROM staging_langue s
JOIN langue d
  ON coalesce(d.langue_libelle, '') = coalesce(s.langue_libelle, '') AND (d.langue_libelle IS NULL) = (s.langue_libelle IS NULL)
      AND coalesce(d.langue_code_exigence, '') = coalesce(s.langue_code_exigence, '') AND (d.langue_code_exigence IS NULL) = (s.langue_code_exigence IS NULL)
