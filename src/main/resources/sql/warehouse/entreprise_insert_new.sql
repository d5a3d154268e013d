-- entreprise: offers of this load not yet in the warehouse (a plain insert: cheaper than ON CONFLICT's speculative
-- insertion, and loads never run concurrently). Result: rows inserted.
INSERT INTO entreprise (offre_id,
       nom_entreprise,
       description_entreprise,
       entreprise_adaptee,
       code_naf,
       secteur_activite_libelle)
SELECT s.offre_id,
       s.nom_entreprise,
       s.description_entreprise,
       s.entreprise_adaptee,
       s.code_naf,
       s.secteur_activite_libelle
FROM staging_offre s
WHERE NOT EXISTS (SELECT 1 FROM entreprise t WHERE t.offre_id = s.offre_id)
ORDER BY s.offre_id
