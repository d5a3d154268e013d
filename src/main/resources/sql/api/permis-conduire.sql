-- 7.6 driving licences asked by recruiters: by exigence, most frequent first, then label
SELECT count(*) AS nb_occurences, p.permis_libelle, p.permis_code_exigence
  FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
  JOIN offre_permisconduire j ON j.offre_id = f.offre_id
  JOIN permisconduire p ON p.permis_id = j.permis_id
 GROUP BY p.permis_libelle, p.permis_code_exigence
 ORDER BY p.permis_code_exigence, nb_occurences DESC, p.permis_libelle
