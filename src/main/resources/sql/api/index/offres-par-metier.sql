-- The lines offres-par-metier.sql can answer: one per data job class, the offers without one (NULL) last
SELECT metier_data AS dimension_id,
       1 AS classe,
       dense_rank() OVER (ORDER BY metier_data NULLS LAST) AS groupe,
       metier_data
  FROM (SELECT DISTINCT metier_data FROM descriptionoffre) m
