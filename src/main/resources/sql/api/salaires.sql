-- Salaries per métier (revived reference 6.3, migrations V8 and V11): offers in the filter, offers whose salary text gives
-- yearly bounds, offers with a salary text the rule does not read (counted, never guessed), and the quartiles of
-- the yearly salary (the middle of each offer's bounds), in euros.
SELECT d.metier_data,
       count(*) AS nb_offres,
       count(c.salaire_bornes) AS nb_salaires,
       count(*) FILTER (WHERE c.salaire_libelle IS NOT NULL AND c.salaire_bornes IS NULL) AS nb_textes_non_lus,
       percentile_disc(0.25) WITHIN GROUP (ORDER BY (c.salaire_bornes[1] + c.salaire_bornes[2]) / 2) AS premier_quartile,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY (c.salaire_bornes[1] + c.salaire_bornes[2]) / 2) AS mediane,
       percentile_disc(0.75) WITHIN GROUP (ORDER BY (c.salaire_bornes[1] + c.salaire_bornes[2]) / 2) AS troisieme_quartile
  FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
  JOIN descriptionoffre d ON d.offre_id = f.offre_id
  JOIN contrat c ON c.offre_id = f.offre_id
 GROUP BY d.metier_data
 ORDER BY d.metier_data NULLS LAST
