-- The lines qualites-professionnelles.sql can answer: one group per label (several descriptions may share it),
-- numbered by label; no key comes before the count.
SELECT qualite_professionnelle_id AS dimension_id,
       1 AS classe,
       dense_rank() OVER (ORDER BY qualite_professionnelle_libelle) AS groupe,
       qualite_professionnelle_libelle
  FROM qualiteprofessionnelle
