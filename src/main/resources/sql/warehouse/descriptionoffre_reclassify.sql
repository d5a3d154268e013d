-- New class and keywords of offers outside this load (rules or mode changed). Result: rows updated.
UPDATE descriptionoffre d
SET metier_data = c.metier_data, liste_mots_cles = c.liste_mots_cles
FROM staging_classification c
WHERE d.offre_id = c.offre_id
  AND (d.metier_data, d.liste_mots_cles) IS DISTINCT FROM (c.metier_data, c.liste_mots_cles)
