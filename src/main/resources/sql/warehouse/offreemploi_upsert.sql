-- offreemploi: one row per offer of this load; an existing offer has every column overwritten (NULLs included).
-- Unchanged rows are not rewritten (no dead tuple, not counted as updated).
-- Result: rows inserted, rows updated.
WITH upserted AS (
    INSERT INTO offreemploi (offre_id,
       date_extraction,
       date_premiere_ecriture,
       date_creation,
       date_actualisation,
       nombre_postes)
    SELECT offre_id,
       date_extraction,
       date_premiere_ecriture,
       date_creation,
       date_actualisation,
       nombre_postes
    FROM staging_offre
    ON CONFLICT (offre_id) DO UPDATE SET
       date_extraction = EXCLUDED.date_extraction,
       date_premiere_ecriture = EXCLUDED.date_premiere_ecriture,
       date_creation = EXCLUDED.date_creation,
       date_actualisation = EXCLUDED.date_actualisation,
       nombre_postes = EXCLUDED.nombre_postes
    WHERE (offreemploi.date_extraction, offreemploi.date_premiere_ecriture, offreemploi.date_creation, offreemploi.date_actualisation, offreemploi.nombre_postes)
          IS DISTINCT FROM (EXCLUDED.date_extraction, EXCLUDED.date_premiere_ecriture, EXCLUDED.date_creation, EXCLUDED.date_actualisation, EXCLUDED.nombre_postes)
    RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM upserted
