-- 2-8: experience asked by recruiters: beginners accepted (D), wished (S), required (E), others last
SELECT count(*) AS nb_occurences, e.experience_libelle, e.experience_commentaire, e.experience_code_exigence
  FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
  JOIN offre_experience j ON j.offre_id = f.offre_id
  JOIN experience e ON e.experience_id = j.experience_id
 GROUP BY e.experience_libelle, e.experience_commentaire, e.experience_code_exigence
 ORDER BY CASE e.experience_code_exigence WHEN 'D' THEN 1 WHEN 'S' THEN 2 WHEN 'E' THEN 3 ELSE 4 END,
          nb_occurences DESC, e.experience_libelle, e.experience_commentaire
