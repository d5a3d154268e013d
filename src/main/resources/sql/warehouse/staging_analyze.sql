-- Fresh statistics on the filled staging tables, so the apply statements are planned for their real sizes.
ANALYZE staging_offre, staging_competence, staging_formation, staging_qualiteprofessionnelle, staging_langue,
        staging_permisconduire, staging_classification
