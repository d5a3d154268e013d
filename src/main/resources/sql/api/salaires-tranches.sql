-- Distribution of the yearly salary (the middle of each offer's bounds) per métier, in steps of 5,000 euros:
-- tranche 45000 holds 45,000 to 49,999 euros. Offers without yearly bounds are left out (see salaires.sql).
SELECT d.metier_data,
       (c.salaire_bornes[1] + c.salaire_bornes[2]) / 2 / 5000 * 5000 AS tranche,
       count(*) AS nb_offres
  FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
  JOIN descriptionoffre d ON d.offre_id = f.offre_id
  JOIN contrat c ON c.offre_id = f.offre_id
 WHERE c.salaire_bornes IS NOT NULL
 GROUP BY d.metier_data, tranche
 ORDER BY d.metier_data NULLS LAST, tranche
