-- Offers per weekday of creation (ISO: 1 = Monday), the seven days always listed; offers without a
-- creation date are not counted
WITH c AS (SELECT extract(isodow FROM o.date_creation)::int AS jour, count(*) AS nb_offres
             FROM api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region, :#code_departement, :#code_postal, :#code_insee) f
             JOIN offreemploi o ON o.offre_id = f.offre_id
            WHERE o.date_creation IS NOT NULL
            GROUP BY 1)
SELECT j AS jour, (ARRAY['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'])[j] AS nom_jour,
       coalesce(c.nb_offres, 0) AS nb_offres
  FROM generate_series(1, 7) j
  LEFT JOIN c ON c.jour = j
 ORDER BY j
