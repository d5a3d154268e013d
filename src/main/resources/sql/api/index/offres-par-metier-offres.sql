-- Each offer's data job class (one row per offer: offres-par-metier.sql counts offers)
SELECT offre_id, metier_data AS dimension_id FROM descriptionoffre
