-- qualiteprofessionnelle: the natural-key tuples of this load not yet in the table, NULLs compared as equal (a NULL must
-- not create a new row at every load). Ordered so that the same input always gets the same ids;
-- existing rows keep theirs. Result: rows inserted.
INSERT INTO qualiteprofessionnelle (qualite_professionnelle_libelle, qualite_professionnelle_description)
SELECT DISTINCT s.qualite_professionnelle_libelle, s.qualite_professionnelle_description
FROM staging_qualiteprofessionnelle s
WHERE NOT EXISTS (
    SELECT 1 FROM qualiteprofessionnelle d
    WHERE coalesce(d.qualite_professionnelle_libelle, '') = coalesce(s.qualite_professionnelle_libelle, '') AND (d.qualite_professionnelle_libelle IS NULL) = (s.qualite_professionnelle_libelle IS NULL)
      AND coalesce(d.qualite_professionnelle_description, '') = coalesce(s.qualite_professionnelle_description, '') AND (d.qualite_professionnelle_description IS NULL) = (s.qualite_professionnelle_description IS NULL))
ORDER BY s.qualite_professionnelle_libelle, s.qualite_professionnelle_description
ON CONFLICT DO NOTHING
