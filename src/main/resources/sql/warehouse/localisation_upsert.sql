-- localisation: one row per offer of this load; an existing offer has every column overwritten (NULLs included).
-- Unchanged rows are not rewritten (no dead tuple, not counted as updated).
-- Result: rows inserted, rows updated.
WITH upserted AS (
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
    SELECT offre_id,
       code_insee,
       nom_commune,
       code_postal,
       nom_ville,
       code_departement,
       nom_departement,
       code_region,
       nom_region,
       lieu_cas
    FROM staging_offre
    ON CONFLICT (offre_id) DO UPDATE SET
       code_insee = EXCLUDED.code_insee,
       nom_commune = EXCLUDED.nom_commune,
       code_postal = EXCLUDED.code_postal,
       nom_ville = EXCLUDED.nom_ville,
       code_departement = EXCLUDED.code_departement,
       nom_departement = EXCLUDED.nom_departement,
       code_region = EXCLUDED.code_region,
       nom_region = EXCLUDED.nom_region,
       lieu_cas = EXCLUDED.lieu_cas
    WHERE (localisation.code_insee, localisation.nom_commune, localisation.code_postal, localisation.nom_ville, localisation.code_departement, localisation.nom_departement, localisation.code_region, localisation.nom_region, localisation.lieu_cas)
          IS DISTINCT FROM (EXCLUDED.code_insee, EXCLUDED.nom_commune, EXCLUDED.code_postal, EXCLUDED.nom_ville, EXCLUDED.code_departement, EXCLUDED.nom_departement, EXCLUDED.code_region, EXCLUDED.nom_region, EXCLUDED.lieu_cas)
    RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM upserted
