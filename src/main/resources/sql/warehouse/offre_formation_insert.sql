-- offre_formation: this load's rows, each dated with the offer's dateExtraction. Result: rows inserted.
INSERT INTO offre_formation (offre_id, formation_id, date_extraction)
SELECT offre_id, dimension_id, date_extraction
FROM staging_lien
WHERE dimension = 'formation'
ORDER BY offre_id, dimension_id
ON CONFLICT DO NOTHING
