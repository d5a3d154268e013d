-- The lines permis-conduire.sql can answer: one group per (libelle, exigence), numbered by (exigence, libelle);
-- classe = exigence.
SELECT permis_id AS dimension_id,
       dense_rank() OVER (ORDER BY permis_code_exigence) AS classe,
       dense_rank() OVER (ORDER BY permis_code_exigence, permis_libelle) AS groupe,
       permis_libelle, permis_code_exigence
  FROM permisconduire
