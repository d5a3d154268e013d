-- 2-2: ids of the fake offers (parameter: the fake-offer title)
SELECT o.offre_id
  FROM offreemploi o JOIN descriptionoffre d ON d.offre_id = o.offre_id
 WHERE d.intitule_offre = :#intitule
 ORDER BY o.offre_id
