-- Junction rows of this load resolved to formation ids by NULL-safe natural-key equality (written as
-- hashable equalities, so the join stays a hash join on large loads).
INSERT INTO staging_lien (dimension, offre_id, dimension_id, date_extraction)
SELECT DISTINCT 'formation', s.offre_id, d.formation_id, s.date_extraction
FROM staging_formation s
JOIN formation d
  ON coalesce(d.formation_code, 0) = coalesce(s.formation_code, 0) AND (d.formation_code IS NULL) = (s.formation_code IS NULL)
      AND coalesce(d.formation_domaine_libelle, '') = coalesce(s.formation_domaine_libelle, '') AND (d.formation_domaine_libelle IS NULL) = (s.formation_domaine_libelle IS NULL)
      AND coalesce(d.formation_niveau_libelle, '') = coalesce(s.formation_niveau_libelle, '') AND (d.formation_niveau_libelle IS NULL) = (s.formation_niveau_libelle IS NULL)
      AND coalesce(d.formation_commentaire, '') = coalesce(s.formation_commentaire, '') AND (d.formation_commentaire IS NULL) = (s.formation_commentaire IS NULL)
      AND coalesce(d.formation_code_exigence, '') = coalesce(s.formation_code_exigence, '') AND (d.formation_code_exigence IS NULL) = (s.formation_code_exigence IS NULL)
