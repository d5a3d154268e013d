-- 2-5: departements ranked by number of offers; total = every offer matching the same filters
-- (metier_data, offres_dispo_only), including those whose departement is unknown
WITH m AS (SELECT l.code_departement, l.nom_departement
             FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f JOIN localisation l ON l.offre_id = f.offre_id)
SELECT count(*) AS nb_offres, (SELECT count(*) FROM m) AS total, code_departement, nom_departement
  FROM m
 WHERE nom_departement IS NOT NULL
 GROUP BY code_departement, nom_departement
 ORDER BY nb_offres DESC, nom_departement, code_departement
 LIMIT 30
