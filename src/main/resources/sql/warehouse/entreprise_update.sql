-- entreprise: offers of this load already in the warehouse get every column overwritten (NULLs included).
-- Rows whose values are all unchanged are left alone (no dead tuple, not counted). Result: rows updated.
UPDATE entreprise t
SET nom_entreprise = s.nom_entreprise,
    description_entreprise = s.description_entreprise,
    entreprise_adaptee = s.entreprise_adaptee,
    code_naf = s.code_naf,
    secteur_activite_libelle = s.secteur_activite_libelle
FROM staging_offre s
WHERE t.offre_id = s.offre_id
  AND (t.nom_entreprise, t.description_entreprise, t.entreprise_adaptee, t.code_naf, t.secteur_activite_libelle)
      IS DISTINCT FROM (s.nom_entreprise, s.description_entreprise, s.entreprise_adaptee, s.code_naf, s.secteur_activite_libelle)
