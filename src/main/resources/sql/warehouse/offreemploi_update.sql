-- offreemploi: offers of this load already in the warehouse get every column overwritten (NULLs included).
-- Rows whose values are all unchanged are left alone (no dead tuple, not counted). Result: rows updated.
UPDATE offreemploi t
SET date_extraction = s.date_extraction,
    date_premiere_ecriture = s.date_premiere_ecriture,
    date_creation = s.date_creation,
    date_actualisation = s.date_actualisation,
    nombre_postes = s.nombre_postes
FROM staging_offre s
WHERE t.offre_id = s.offre_id
  AND (t.date_extraction, t.date_premiere_ecriture, t.date_creation, t.date_actualisation, t.nombre_postes)
      IS DISTINCT FROM (s.date_extraction, s.date_premiere_ecriture, s.date_creation, s.date_actualisation, s.nombre_postes)
