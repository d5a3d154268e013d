-- 7.6 qualifications asked by recruiters, most frequent first
SELECT count(*) AS nb_occurences, q.qualification_libelle
  FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
  JOIN offre_qualification j ON j.offre_id = f.offre_id
  JOIN qualification q ON q.qualification_code = j.qualification_code
 GROUP BY q.qualification_libelle
 ORDER BY nb_occurences DESC, q.qualification_libelle
