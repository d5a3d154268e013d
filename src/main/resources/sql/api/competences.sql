-- 2-7: skills asked by recruiters: required (E) before wished (S), then most frequent first
SELECT count(*) AS nb_occurences, c.competence_code, c.competence_libelle, c.competence_code_exigence
  FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
  JOIN offre_competence j ON j.offre_id = f.offre_id
  JOIN competence c ON c.competence_id = j.competence_id
 GROUP BY c.competence_code, c.competence_libelle, c.competence_code_exigence
 ORDER BY c.competence_code_exigence, nb_occurences DESC, c.competence_code, c.competence_libelle
