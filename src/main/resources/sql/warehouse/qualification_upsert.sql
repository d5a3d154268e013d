-- qualification is keyed by its code (reference.md 5.4 note): one row per code of this load, label taken
-- from the latest extraction that carries one; an existing code gets the new label, a missing label never
-- erases a known one. Result: rows inserted, rows updated.
WITH latest AS (
    SELECT DISTINCT ON (qualification_code) qualification_code, qualification_libelle
    FROM staging_offre
    WHERE qualification_code IS NOT NULL
    ORDER BY qualification_code, (qualification_libelle IS NULL), date_lien DESC, qualification_libelle
), upserted AS (
    INSERT INTO qualification (qualification_code, qualification_libelle)
    SELECT qualification_code, qualification_libelle FROM latest
    ON CONFLICT (qualification_code) DO UPDATE SET qualification_libelle = EXCLUDED.qualification_libelle
    WHERE EXCLUDED.qualification_libelle IS NOT NULL
      AND qualification.qualification_libelle IS DISTINCT FROM EXCLUDED.qualification_libelle
    RETURNING (xmax = 0) AS inserted
)
SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated FROM upserted
