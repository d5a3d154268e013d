-- The lines qualifications.sql can answer: one group per label (several codes may share it), numbered by label.
SELECT qualification_code AS dimension_id,
       1 AS classe,
       dense_rank() OVER (ORDER BY qualification_libelle) AS groupe,
       qualification_libelle
  FROM qualification
