-- offre_experience: rows whose experience is still in the offer's new set get the new extraction's date. An update
-- that leaves offre_id and experience_id alone skips both foreign-key checks, which a delete and re-insert
-- would pay. Result: rows updated.
UPDATE offre_experience j
SET date_extraction = l.date_extraction
FROM staging_lien l
WHERE l.dimension = 'experience'
  AND j.offre_id = l.offre_id AND j.experience_id = l.dimension_id
  AND j.date_extraction < l.date_extraction
