-- The lines competences.sql can answer: one group per (code, libelle, exigence), numbered in its order of ties
-- (exigence, code, libelle); classe = the order's first key (exigence), which comes before the count.
SELECT competence_id AS dimension_id,
       dense_rank() OVER (ORDER BY competence_code_exigence) AS classe,
       dense_rank() OVER (ORDER BY competence_code_exigence, competence_code, competence_libelle) AS groupe,
       competence_code, competence_libelle, competence_code_exigence
  FROM competence
