-- 7.6 education asked by recruiters: by exigence, most frequent first, then code and level
SELECT count(*) AS nb_occurences, t.formation_code, t.formation_domaine_libelle, t.formation_niveau_libelle,
       t.formation_commentaire, t.formation_code_exigence
  FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
  JOIN offre_formation j ON j.offre_id = f.offre_id
  JOIN formation t ON t.formation_id = j.formation_id
 GROUP BY t.formation_code, t.formation_domaine_libelle, t.formation_niveau_libelle, t.formation_commentaire,
          t.formation_code_exigence
 ORDER BY t.formation_code_exigence, nb_occurences DESC, t.formation_code, t.formation_niveau_libelle,
          t.formation_domaine_libelle, t.formation_commentaire
