-- The query API's in-memory index (OfferIndex): every offer the filters of api_offres_filtrees can see (the same
-- three joins), with its filter values and its place in the rankings' orders. The orders are ranks computed here,
-- so that ties sort exactly as PostgreSQL sorts the text (the database's collation), not as Java would.
SELECT o.offre_id,
       d.metier_data,
       coalesce(o.date_extraction = (SELECT max(date_extraction) FROM offreemploi), false) AS disponible,
       -- offres-par-jour-creation.sql: ISO weekday of creation (null without a creation date)
       extract(isodow FROM o.date_creation)::int AS jour_creation,
       -- tendances.sql: first and last days of the offer, its métier's line (NULL last)
       o.date_premiere_ecriture AS premiere, o.date_extraction AS derniere,
       dense_rank() OVER (ORDER BY d.metier_data NULLS LAST) AS rang_metier,
       l.code_region, l.code_departement, l.code_postal, l.code_insee,
       l.nom_region, l.nom_departement, coalesce(l.nom_commune, l.nom_ville) AS nom_ville,
       -- classement-region.sql and classement-departement.sql: one line per (code, name), ties by name then code
       CASE WHEN l.nom_region IS NOT NULL THEN dense_rank() OVER (ORDER BY l.nom_region, l.code_region) END AS rang_region,
       CASE WHEN l.nom_departement IS NOT NULL
            THEN dense_rank() OVER (ORDER BY l.nom_departement, l.code_departement) END AS rang_departement,
       -- classement-ville.sql: one line per INSEE code, named by the smallest name of its offers, ties by that name then code
       CASE WHEN l.code_insee IS NOT NULL THEN dense_rank() OVER (ORDER BY l.code_insee) END AS rang_insee,
       dense_rank() OVER (ORDER BY coalesce(l.nom_commune, l.nom_ville)) AS rang_nom_ville,
       dense_rank() OVER (ORDER BY l.nom_departement) AS rang_nom_departement,
       -- salaires.sql and salaires-tranches.sql: whether the offer has a contract row (they join it), its yearly
       -- salary (the middle of its bounds) and bracket, or whether its salary text was not read
       c.offre_id IS NOT NULL AS a_contrat,
       (c.salaire_bornes[1] + c.salaire_bornes[2]) / 2 AS salaire,
       (c.salaire_bornes[1] + c.salaire_bornes[2]) / 2 / 5000 * 5000 AS tranche,
       coalesce(c.salaire_libelle IS NOT NULL AND c.salaire_bornes IS NULL, false) AS salaire_non_lu,
       -- liste-offres.sql and plusieurs-offres.sql: the most recently created first, and what they show
       row_number() OVER (ORDER BY o.date_creation DESC NULLS LAST, o.offre_id) AS rang_recent,
       d.intitule_offre, o.date_creation, o.date_actualisation, l.nom_ville AS ville
  FROM offreemploi o
  JOIN descriptionoffre d ON d.offre_id = o.offre_id
  JOIN localisation l ON l.offre_id = o.offre_id
  LEFT JOIN contrat c ON c.offre_id = o.offre_id
