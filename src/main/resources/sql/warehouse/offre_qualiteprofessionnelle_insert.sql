-- offre_qualiteprofessionnelle: this load's rows, each dated with the offer's dateExtraction. Result: rows inserted.
INSERT INTO offre_qualiteprofessionnelle (offre_id, qualite_professionnelle_id, date_extraction)
SELECT offre_id, dimension_id, date_extraction
FROM staging_lien
WHERE dimension = 'qualiteprofessionnelle'
ORDER BY offre_id, dimension_id
ON CONFLICT DO NOTHING
