-- descriptionoffre: offers of this load not yet in the warehouse (a plain insert: cheaper than ON CONFLICT's speculative
-- insertion, and loads never run concurrently). Result: rows inserted.
INSERT INTO descriptionoffre (offre_id,
       intitule_offre,
       description_offre,
       nom_partenaire,
       rome_code,
       rome_libelle,
       appellation_rome,
       difficile_a_pourvoir,
       accessible_travailleurs_handicapes,
       url_france_travail,
       metier_data,
       liste_mots_cles)
SELECT s.offre_id,
       s.intitule_offre,
       s.description_offre,
       s.nom_partenaire,
       s.rome_code,
       s.rome_libelle,
       s.appellation_rome,
       s.difficile_a_pourvoir,
       s.accessible_travailleurs_handicapes,
       s.url_france_travail,
       s.metier_data,
       s.liste_mots_cles
FROM staging_offre s
WHERE NOT EXISTS (SELECT 1 FROM descriptionoffre t WHERE t.offre_id = s.offre_id)
ORDER BY s.offre_id
