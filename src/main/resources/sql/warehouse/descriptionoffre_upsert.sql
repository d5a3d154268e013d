-- descriptionoffre: one row per offer of this load; an existing offer has every column overwritten (NULLs included).
-- Unchanged rows are not rewritten (no dead tuple, not counted as updated).
-- Result: rows inserted, rows updated.
WITH upserted AS (
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
    SELECT offre_id,
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
       liste_mots_cles
    FROM staging_offre
    ON CONFLICT (offre_id) DO UPDATE SET
       intitule_offre = EXCLUDED.intitule_offre,
       description_offre = EXCLUDED.description_offre,
       nom_partenaire = EXCLUDED.nom_partenaire,
       rome_code = EXCLUDED.rome_code,
       rome_libelle = EXCLUDED.rome_libelle,
       appellation_rome = EXCLUDED.appellation_rome,
       difficile_a_pourvoir = EXCLUDED.difficile_a_pourvoir,
       accessible_travailleurs_handicapes = EXCLUDED.accessible_travailleurs_handicapes,
       url_france_travail = EXCLUDED.url_france_travail,
       metier_data = EXCLUDED.metier_data,
       liste_mots_cles = EXCLUDED.liste_mots_cles
    WHERE (descriptionoffre.intitule_offre, descriptionoffre.description_offre, descriptionoffre.nom_partenaire, descriptionoffre.rome_code, descriptionoffre.rome_libelle, descriptionoffre.appellation_rome, descriptionoffre.difficile_a_pourvoir, descriptionoffre.accessible_travailleurs_handicapes, descriptionoffre.url_france_travail, descriptionoffre.metier_data, descriptionoffre.liste_mots_cles)
          IS DISTINCT FROM (EXCLUDED.intitule_offre, EXCLUDED.description_offre, EXCLUDED.nom_partenaire, EXCLUDED.rome_code, EXCLUDED.rome_libelle, EXCLUDED.appellation_rome, EXCLUDED.difficile_a_pourvoir, EXCLUDED.accessible_travailleurs_handicapes, EXCLUDED.url_france_travail, EXCLUDED.metier_data, EXCLUDED.liste_mots_cles)
    RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM upserted
