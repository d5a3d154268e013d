-- The days of tendances.sql: every extraction date and every first-written date the warehouse knows, in order
-- (as text the way the statement prints them)
SELECT jour, jour::text AS texte
  FROM (SELECT date_extraction AS jour FROM offreemploi WHERE date_extraction IS NOT NULL
         UNION
        SELECT date_premiere_ecriture FROM offreemploi WHERE date_premiere_ecriture IS NOT NULL) j
 ORDER BY jour
