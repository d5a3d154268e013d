-- offreemploi: offers of this load not yet in the warehouse (a plain insert: cheaper than ON CONFLICT's speculative
-- insertion, and loads never run concurrently). Result: rows inserted.
INSERT INTO offreemploi (offre_id,
       date_extraction,
       date_premiere_ecriture,
       date_creation,
       date_actualisation,
       nombre_postes)
SELECT s.offre_id,
       s.date_extraction,
       s.date_premiere_ecriture,
       s.date_creation,
       s.date_actualisation,
       s.nombre_postes
FROM staging_offre s
WHERE NOT EXISTS (SELECT 1 FROM offreemploi t WHERE t.offre_id = s.offre_id)
ORDER BY s.offre_id
