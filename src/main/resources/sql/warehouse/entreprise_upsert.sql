-- entreprise: one row per offer of this load; an existing offer has every column overwritten (NULLs included).
-- Unchanged rows are not rewritten (no dead tuple, not counted as updated).
-- Result: rows inserted, rows updated.
WITH upserted AS (
    INSERT INTO entreprise (offre_id,
       nom_entreprise,
       description_entreprise,
       entreprise_adaptee,
       code_naf,
       secteur_activite_libelle)
    SELECT offre_id,
       nom_entreprise,
       description_entreprise,
       entreprise_adaptee,
       code_naf,
       secteur_activite_libelle
    FROM staging_offre
    ON CONFLICT (offre_id) DO UPDATE SET
       nom_entreprise = EXCLUDED.nom_entreprise,
       description_entreprise = EXCLUDED.description_entreprise,
       entreprise_adaptee = EXCLUDED.entreprise_adaptee,
       code_naf = EXCLUDED.code_naf,
       secteur_activite_libelle = EXCLUDED.secteur_activite_libelle
    WHERE (entreprise.nom_entreprise, entreprise.description_entreprise, entreprise.entreprise_adaptee, entreprise.code_naf, entreprise.secteur_activite_libelle)
          IS DISTINCT FROM (EXCLUDED.nom_entreprise, EXCLUDED.description_entreprise, EXCLUDED.entreprise_adaptee, EXCLUDED.code_naf, EXCLUDED.secteur_activite_libelle)
    RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM upserted
