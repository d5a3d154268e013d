-- 1-3: deletes one offer; every table referencing it follows (ON DELETE CASCADE), dimensions stay
DELETE FROM offreemploi WHERE offre_id = :#offre_id
