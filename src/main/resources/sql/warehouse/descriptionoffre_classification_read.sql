-- Offers of the warehouse outside this load, with what their class and keywords are computed from.
SELECT d.offre_id, d.intitule_offre, d.description_offre, d.metier_data, d.liste_mots_cles
FROM descriptionoffre d
WHERE NOT EXISTS (SELECT 1 FROM staging_offre s WHERE s.offre_id = d.offre_id)
