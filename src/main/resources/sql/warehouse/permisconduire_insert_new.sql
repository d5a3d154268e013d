-- permisconduire: the natural-key tuples of this load not yet in the table, NULLs compared as equal (a NULL must
-- not create a new row at every load). Ordered so that the same input always gets the same ids;
-- existing rows keep theirs. Result: rows inserted.
INSERT INTO permisconduire (permis_libelle, permis_code_exigence)
SELECT DISTINCT s.permis_libelle, s.permis_code_exigence
FROM staging_permisconduire s
WHERE NOT EXISTS (
    SELECT 1 FROM permisconduire d
    WHERE coalesce(d.permis_libelle, '') = coalesce(s.permis_libelle, '') AND (d.permis_libelle IS NULL) = (s.permis_libelle IS NULL)
      AND coalesce(d.permis_code_exigence, '') = coalesce(s.permis_code_exigence, '') AND (d.permis_code_exigence IS NULL) = (s.permis_code_exigence IS NULL))
ORDER BY s.permis_libelle, s.permis_code_exigence
ON CONFLICT DO NOTHING
