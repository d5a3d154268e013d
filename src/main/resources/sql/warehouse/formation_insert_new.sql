-- formation: the natural-key tuples of this load not yet in the table, NULLs compared as equal (a NULL must
-- not create a new row at every load). Ordered so that the same input always gets the same ids;
-- existing rows keep theirs. Result: rows inserted.
INSERT INTO formation (formation_code, formation_domaine_libelle, formation_niveau_libelle, formation_commentaire, formation_code_exigence)
SELECT DISTINCT s.formation_code, s.formation_domaine_libelle, s.formation_niveau_libelle, s.formation_commentaire, s.formation_code_exigence
FROM staging_formation s
WHERE NOT EXISTS (
    SELECT 1 FROM formation d
    WHERE coalesce(d.formation_code, 0) = coalesce(s.formation_code, 0) AND (d.formation_code IS NULL) = (s.formation_code IS NULL)
      AND coalesce(d.formation_domaine_libelle, '') = coalesce(s.formation_domaine_libelle, '') AND (d.formation_domaine_libelle IS NULL) = (s.formation_domaine_libelle IS NULL)
      AND coalesce(d.formation_niveau_libelle, '') = coalesce(s.formation_niveau_libelle, '') AND (d.formation_niveau_libelle IS NULL) = (s.formation_niveau_libelle IS NULL)
      AND coalesce(d.formation_commentaire, '') = coalesce(s.formation_commentaire, '') AND (d.formation_commentaire IS NULL) = (s.formation_commentaire IS NULL)
      AND coalesce(d.formation_code_exigence, '') = coalesce(s.formation_code_exigence, '') AND (d.formation_code_exigence IS NULL) = (s.formation_code_exigence IS NULL))
ORDER BY s.formation_code, s.formation_domaine_libelle, s.formation_niveau_libelle, s.formation_commentaire, s.formation_code_exigence
ON CONFLICT DO NOTHING
