-- descriptionoffre: offers of this load already in the warehouse get every column overwritten (NULLs included).
-- Rows whose values are all unchanged are left alone (no dead tuple, not counted). Result: rows updated.
UPDATE descriptionoffre t
SET intitule_offre = s.intitule_offre,
    description_offre = s.description_offre,
    nom_partenaire = s.nom_partenaire,
    rome_code = s.rome_code,
    rome_libelle = s.rome_libelle,
    appellation_rome = s.appellation_rome,
    difficile_a_pourvoir = s.difficile_a_pourvoir,
    accessible_travailleurs_handicapes = s.accessible_travailleurs_handicapes,
    url_france_travail = s.url_france_travail,
    metier_data = s.metier_data,
    liste_mots_cles = s.liste_mots_cles
FROM staging_offre s
WHERE t.offre_id = s.offre_id
  AND (t.intitule_offre, t.description_offre, t.nom_partenaire, t.rome_code, t.rome_libelle, t.appellation_rome, t.difficile_a_pourvoir, t.accessible_travailleurs_handicapes, t.url_france_travail, t.metier_data, t.liste_mots_cles)
      IS DISTINCT FROM (s.intitule_offre, s.description_offre, s.nom_partenaire, s.rome_code, s.rome_libelle, s.appellation_rome, s.difficile_a_pourvoir, s.accessible_travailleurs_handicapes, s.url_france_travail, s.metier_data, s.liste_mots_cles)
