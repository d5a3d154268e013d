-- 1-1 with *JOKER*: one offer of the warehouse drawn uniformly at random
SELECT offre_id
  FROM offreemploi
OFFSET floor(random() * (SELECT count(*) FROM offreemploi))
 LIMIT 1
