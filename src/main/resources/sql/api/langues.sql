-- 7.6 languages asked by recruiters: by exigence, most frequent first, then label
SELECT count(*) AS nb_occurences, g.langue_libelle, g.langue_code_exigence
  FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
  JOIN offre_langue j ON j.offre_id = f.offre_id
  JOIN langue g ON g.langue_id = j.langue_id
 GROUP BY g.langue_libelle, g.langue_code_exigence
 ORDER BY g.langue_code_exigence, nb_occurences DESC, g.langue_libelle
