-- Which offer's description holds which keyword (one row per keyword of liste_mots_cles, as mots-cles.sql counts them)
SELECT d.offre_id, k.mot_cle AS dimension_id FROM descriptionoffre d CROSS JOIN LATERAL unnest(d.liste_mots_cles) AS k (mot_cle)
