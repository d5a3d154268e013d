-- offre_qualification: rows whose qualification is still in the offer's new set get the new extraction's date. An update
-- that leaves offre_id and qualification_code alone skips both foreign-key checks, which a delete and re-insert
-- would pay. Result: rows updated.
UPDATE offre_qualification j
SET date_extraction = l.date_extraction
FROM staging_lien l
WHERE l.dimension = 'qualification'
  AND j.offre_id = l.offre_id AND j.qualification_code = l.dimension_id
  AND j.date_extraction < l.date_extraction
