-- Empties the staging tables before a load (their content belongs to the previous load).
TRUNCATE staging_offre, staging_competence, staging_formation, staging_qualiteprofessionnelle, staging_langue,
         staging_permisconduire, staging_lien, staging_classification
