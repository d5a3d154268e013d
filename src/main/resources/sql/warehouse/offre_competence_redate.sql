-- offre_competence: rows whose competence is still in the offer's new set get the new extraction's date. An update
-- that leaves offre_id and competence_id alone skips both foreign-key checks, which a delete and re-insert
-- would pay. Result: rows updated.
UPDATE offre_competence j
SET date_extraction = l.date_extraction
FROM staging_lien l
WHERE l.dimension = 'competence'
  AND j.offre_id = l.offre_id AND j.competence_id = l.dimension_id
  AND j.date_extraction < l.date_extraction
