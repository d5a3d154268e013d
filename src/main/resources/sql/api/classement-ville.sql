-- 2-6: communes ranked by number of offers, one line per INSEE code (homonyms stay apart);
-- total = every offer matching the same filters, including those whose commune is unknown
WITH m AS (SELECT l.code_insee, coalesce(l.nom_commune, l.nom_ville) AS nom, l.nom_departement
             FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f JOIN localisation l ON l.offre_id = f.offre_id)
SELECT count(*) AS nb_offres, (SELECT count(*) FROM m) AS total, code_insee, min(nom) AS nom,
       min(nom_departement) AS nom_departement
  FROM m
 WHERE code_insee IS NOT NULL
 GROUP BY code_insee
 ORDER BY nb_offres DESC, nom, code_insee
 LIMIT 30
