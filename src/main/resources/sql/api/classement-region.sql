-- 2-4: regions ranked by number of offers; total = every offer matching the same filters
-- (metier_data, offres_dispo_only), including those whose region is unknown
WITH m AS (SELECT l.code_region, l.nom_region
             FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f JOIN localisation l ON l.offre_id = f.offre_id)
SELECT count(*) AS nb_offres, (SELECT count(*) FROM m) AS total, code_region, nom_region
  FROM m
 WHERE nom_region IS NOT NULL
 GROUP BY code_region, nom_region
 ORDER BY nb_offres DESC, nom_region, code_region
 LIMIT 30
