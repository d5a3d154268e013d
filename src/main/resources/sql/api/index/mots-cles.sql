-- The lines mots-cles.sql can answer: one per keyword, numbered in the order of its ties (the keyword, as the
-- database's collation sorts it); the count is the order's first key, so every line has the same class.
SELECT mot_cle AS dimension_id,
       1 AS classe,
       dense_rank() OVER (ORDER BY mot_cle) AS groupe,
       mot_cle
  FROM (SELECT DISTINCT k.mot_cle FROM descriptionoffre d CROSS JOIN LATERAL unnest(d.liste_mots_cles) AS k (mot_cle)) m
