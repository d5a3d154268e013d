-- 2-9: professional qualities asked by recruiters, most frequent first
SELECT count(*) AS nb_occurences, q.qualite_professionnelle_libelle
  FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
  JOIN offre_qualiteprofessionnelle j ON j.offre_id = f.offre_id
  JOIN qualiteprofessionnelle q ON q.qualite_professionnelle_id = j.qualite_professionnelle_id
 GROUP BY q.qualite_professionnelle_libelle
 ORDER BY nb_occurences DESC, q.qualite_professionnelle_libelle
