-- Offers outside this load whose class or keywords change.
COPY staging_classification (offre_id, metier_data, liste_mots_cles) FROM STDIN
