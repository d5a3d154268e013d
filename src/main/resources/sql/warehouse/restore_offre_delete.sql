-- Undo of a run (restore load, before the other steps): the warehouse's offers go, with their rows in the other
-- tables (ON DELETE CASCADE), and the restored history's offers are then inserted again as it has them. The offers
-- dated before the restored history's latest extraction and absent from it are the API's fake offers: they stay.
-- Result: rows deleted.
DELETE FROM offreemploi o
 WHERE EXISTS (SELECT 1 FROM staging_offre s WHERE s.offre_id = o.offre_id)
    OR o.date_extraction >= (SELECT max(date_extraction) FROM staging_offre)
