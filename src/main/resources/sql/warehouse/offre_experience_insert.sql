-- offre_experience: this load's rows, each dated with the offer's dateExtraction. Result: rows inserted.
INSERT INTO offre_experience (offre_id, experience_id, date_extraction)
SELECT offre_id, dimension_id, date_extraction
FROM staging_lien
WHERE dimension = 'experience'
ORDER BY offre_id, dimension_id
ON CONFLICT DO NOTHING
