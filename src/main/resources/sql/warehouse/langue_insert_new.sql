-- langue: the natural-key tuples of this load not yet in the table, NULLs compared as equal (a NULL must
-- not create a new row at every load). Ordered so that the same input always gets the same ids;
-- existing rows keep theirs. Result: rows inserted.
INSERT INTO langue (langue_libelle, langue_code_exigence)
SELECT DISTINCT s.langue_libelle, s.langue_code_exigence
FROM staging_langue s
WHERE NOT EXISTS (
    SELECT 1 FROM langue d
    WHERE coalesce(d.langue_libelle, '') = coalesce(s.langue_libelle, '') AND (d.langue_libelle IS NULL) = (s.langue_libelle IS NULL)
      AND coalesce(d.langue_code_exigence, '') = coalesce(s.langue_code_exigence, '') AND (d.langue_code_exigence IS NULL) = (s.langue_code_exigence IS NULL))
ORDER BY s.langue_libelle, s.langue_code_exigence
ON CONFLICT DO NOTHING
