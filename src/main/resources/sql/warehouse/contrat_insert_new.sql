-- contrat: offers of this load not yet in the warehouse (a plain insert: cheaper than ON CONFLICT's speculative
-- insertion, and loads never run concurrently). Result: rows inserted.
INSERT INTO contrat (offre_id,
       type_contrat,
       type_contrat_libelle,
       duree_travail_libelle,
       duree_travail_libelle_converti,
       nature_contrat,
       salaire_libelle,
       salaire_complement_1,
       salaire_complement_2,
       salaire_commentaire,
       alternance,
       deplacement_code,
       deplacement_libelle,
       temps_travail,
       condition_specifique)
SELECT s.offre_id,
       s.type_contrat,
       s.type_contrat_libelle,
       s.duree_travail_libelle,
       s.duree_travail_libelle_converti,
       s.nature_contrat,
       s.salaire_libelle,
       s.salaire_complement_1,
       s.salaire_complement_2,
       s.salaire_commentaire,
       s.alternance,
       s.deplacement_code,
       s.deplacement_libelle,
       s.temps_travail,
       s.condition_specifique
FROM staging_offre s
WHERE NOT EXISTS (SELECT 1 FROM contrat t WHERE t.offre_id = s.offre_id)
ORDER BY s.offre_id
