-- Keywords found in the descriptions (liste_mots_cles holds each keyword once per offer): offers per keyword
SELECT count(*) AS nb_offres, k.mot_cle
  FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
  JOIN descriptionoffre d ON d.offre_id = f.offre_id
 CROSS JOIN LATERAL unnest(d.liste_mots_cles) AS k (mot_cle)
 GROUP BY k.mot_cle
 ORDER BY nb_offres DESC, k.mot_cle
