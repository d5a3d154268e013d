-- The lines experiences.sql can answer: one group per (libelle, commentaire, exigence), numbered in its order of
-- ties (libelle, commentaire, then exigence for the exigences ranked together); classe = D, S, E, others.
SELECT experience_id AS dimension_id,
       CASE experience_code_exigence WHEN 'D' THEN 1 WHEN 'S' THEN 2 WHEN 'E' THEN 3 ELSE 4 END AS classe,
       dense_rank() OVER (ORDER BY CASE experience_code_exigence WHEN 'D' THEN 1 WHEN 'S' THEN 2 WHEN 'E' THEN 3 ELSE 4 END,
                                   experience_libelle, experience_commentaire, experience_code_exigence) AS groupe,
       experience_libelle, experience_commentaire, experience_code_exigence
  FROM experience
