-- offre_competence: this load's rows, each dated with the offer's dateExtraction. Result: rows inserted.
INSERT INTO offre_competence (offre_id, competence_id, date_extraction)
SELECT offre_id, dimension_id, date_extraction
FROM staging_lien
WHERE dimension = 'competence'
ORDER BY offre_id, dimension_id
ON CONFLICT DO NOTHING
