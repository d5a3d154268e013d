-- The lines formations.sql can answer: one group per (code, domaine, niveau, commentaire, exigence), numbered in
-- its order of ties (exigence, code, niveau, domaine, commentaire); classe = exigence.
SELECT formation_id AS dimension_id,
       dense_rank() OVER (ORDER BY formation_code_exigence) AS classe,
       dense_rank() OVER (ORDER BY formation_code_exigence, formation_code, formation_niveau_libelle,
                                   formation_domaine_libelle, formation_commentaire) AS groupe,
       formation_code, formation_domaine_libelle, formation_niveau_libelle, formation_commentaire, formation_code_exigence
  FROM formation
