-- The 100 most recently created offers matching the filters (ties: offre_id), with their data job class
SELECT o.offre_id, d.intitule_offre, d.metier_data, o.date_creation
  FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
  JOIN offreemploi o ON o.offre_id = f.offre_id
  JOIN descriptionoffre d ON d.offre_id = f.offre_id
 ORDER BY o.date_creation DESC NULLS LAST, o.offre_id
 LIMIT 100
