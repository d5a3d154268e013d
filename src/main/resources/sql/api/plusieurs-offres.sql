-- 1-4: the 10 most recently created offers matching the filters (ties: offre_id); offers without an
-- experience row are listed too (the original's inner join hid them)
SELECT o.offre_id, d.intitule_offre, o.date_creation, o.date_actualisation, x.experience_libelle,
       l.nom_ville, l.nom_region
  FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
  JOIN offreemploi o ON o.offre_id = f.offre_id
  JOIN descriptionoffre d ON d.offre_id = f.offre_id
  JOIN localisation l ON l.offre_id = f.offre_id
  LEFT JOIN LATERAL (SELECT e.experience_libelle
                       FROM offre_experience oe JOIN experience e ON e.experience_id = oe.experience_id
                      WHERE oe.offre_id = f.offre_id
                      ORDER BY oe.date_extraction DESC, e.experience_libelle
                      LIMIT 1) x ON true
 ORDER BY o.date_creation DESC NULLS LAST, o.offre_id
 LIMIT 10
