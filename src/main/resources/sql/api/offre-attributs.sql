-- 1-1: a few attributes of one offer, the transformed ones included
SELECT o.offre_id, d.intitule_offre, o.date_creation, l.nom_ville, l.nom_departement, l.nom_region,
       d.metier_data, d.liste_mots_cles, d.description_offre
  FROM offreemploi o
  LEFT JOIN descriptionoffre d ON d.offre_id = o.offre_id
  LEFT JOIN localisation l ON l.offre_id = o.offre_id
 WHERE o.offre_id = :#offre_id
