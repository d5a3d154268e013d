-- 2-3: deletes every fake offer in one statement (parameter: the fake-offer title); cascades as 1-3
DELETE FROM offreemploi o
 USING descriptionoffre d
 WHERE d.offre_id = o.offre_id AND d.intitule_offre = :#intitule
RETURNING o.offre_id
