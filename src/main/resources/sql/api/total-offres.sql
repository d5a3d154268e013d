-- 2-1: number of offers matching the common filter set
SELECT count(*) AS total FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
