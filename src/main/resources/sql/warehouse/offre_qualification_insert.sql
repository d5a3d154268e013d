-- offre_qualification: this load's rows, each dated with the offer's dateExtraction. Result: rows inserted.
INSERT INTO offre_qualification (offre_id, qualification_code, date_extraction)
SELECT offre_id, dimension_id, date_extraction
FROM staging_lien
WHERE dimension = 'qualification'
ORDER BY offre_id, dimension_id
ON CONFLICT DO NOTHING
