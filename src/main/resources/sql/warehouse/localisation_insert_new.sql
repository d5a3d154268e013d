-- localisation: offers of this load not yet in the warehouse (a plain insert: cheaper than ON CONFLICT's speculative
-- insertion, and loads never run concurrently). Result: rows inserted.
INSERT INTO localisation (offre_id,
       code_insee,
       nom_commune,
       code_postal,
       nom_ville,
       code_departement,
       nom_departement,
       code_region,
       nom_region,
       lieu_cas)
SELECT s.offre_id,
       s.code_insee,
       s.nom_commune,
       s.code_postal,
       s.nom_ville,
       s.code_departement,
       s.nom_departement,
       s.code_region,
       s.nom_region,
       s.lieu_cas
FROM staging_offre s
WHERE NOT EXISTS (SELECT 1 FROM localisation t WHERE t.offre_id = s.offre_id)
ORDER BY s.offre_id
