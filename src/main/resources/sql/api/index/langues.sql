-- The lines langues.sql can answer: one group per (libelle, exigence), numbered by (exigence, libelle);
-- classe = exigence.
SELECT langue_id AS dimension_id,
       dense_rank() OVER (ORDER BY langue_code_exigence) AS classe,
       dense_rank() OVER (ORDER BY langue_code_exigence, langue_libelle) AS groupe,
       langue_libelle, langue_code_exigence
  FROM langue
