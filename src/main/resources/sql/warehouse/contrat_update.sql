-- contrat: offers of this load already in the warehouse get every column overwritten (NULLs included).
-- Rows whose values are all unchanged are left alone (no dead tuple, not counted). Result: rows updated.
UPDATE contrat t
SET type_contrat = s.type_contrat,
    type_contrat_libelle = s.type_contrat_libelle,
    duree_travail_libelle = s.duree_travail_libelle,
    duree_travail_libelle_converti = s.duree_travail_libelle_converti,
    nature_contrat = s.nature_contrat,
    salaire_libelle = s.salaire_libelle,
    salaire_complement_1 = s.salaire_complement_1,
    salaire_complement_2 = s.salaire_complement_2,
    salaire_commentaire = s.salaire_commentaire,
    alternance = s.alternance,
    deplacement_code = s.deplacement_code,
    deplacement_libelle = s.deplacement_libelle,
    temps_travail = s.temps_travail,
    condition_specifique = s.condition_specifique
FROM staging_offre s
WHERE t.offre_id = s.offre_id
  AND (t.type_contrat, t.type_contrat_libelle, t.duree_travail_libelle, t.duree_travail_libelle_converti, t.nature_contrat, t.salaire_libelle, t.salaire_complement_1, t.salaire_complement_2, t.salaire_commentaire, t.alternance, t.deplacement_code, t.deplacement_libelle, t.temps_travail, t.condition_specifique)
      IS DISTINCT FROM (s.type_contrat, s.type_contrat_libelle, s.duree_travail_libelle, s.duree_travail_libelle_converti, s.nature_contrat, s.salaire_libelle, s.salaire_complement_1, s.salaire_complement_2, s.salaire_commentaire, s.alternance, s.deplacement_code, s.deplacement_libelle, s.temps_travail, s.condition_specifique)
