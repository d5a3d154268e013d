-- Offers per data job class (DE, DA, DS, NULL for none) matching the common filter set, most first
SELECT count(*) AS nb_offres, d.metier_data
  FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
  JOIN descriptionoffre d ON d.offre_id = f.offre_id
 GROUP BY d.metier_data
 ORDER BY nb_offres DESC, d.metier_data NULLS LAST
