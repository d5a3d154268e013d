-- Junction rows of this load for qualification: the code is the dimension key itself.
INSERT INTO staging_lien (dimension, offre_id, dimension_id, date_extraction)
SELECT 'qualification', s.offre_id, s.qualification_code, s.date_lien
FROM staging_offre s
WHERE s.qualification_code IS NOT NULL
