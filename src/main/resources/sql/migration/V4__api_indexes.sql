-- The API's common filter set (reference.md 7.1 and 7.2) written once: the ids of the offers matching
-- metier_data, "available only" and the four location code lists; a NULL argument means "no filter".
-- A plain STABLE SQL function, so the planner inlines it into each API query.
CREATE FUNCTION api_offres_filtrees(p_metier_data text, p_dispo_only boolean, p_regions text[],
                                    p_departements text[], p_postaux text[], p_insee text[])
    RETURNS TABLE (offre_id text)
    LANGUAGE sql STABLE AS
$$
SELECT o.offre_id
  FROM offreemploi o
  JOIN descriptionoffre d ON d.offre_id = o.offre_id
  JOIN localisation l ON l.offre_id = o.offre_id
 WHERE (p_metier_data IS NULL OR d.metier_data = p_metier_data)
   AND (NOT p_dispo_only OR o.date_extraction = (SELECT max(date_extraction) FROM offreemploi))
   AND (p_regions IS NULL OR l.code_region = ANY (p_regions))
   AND (p_departements IS NULL OR l.code_departement = ANY (p_departements))
   AND (p_postaux IS NULL OR l.code_postal = ANY (p_postaux))
   AND (p_insee IS NULL OR l.code_insee = ANY (p_insee))
$$;

-- The harvest freshness check reads the latest successful run at every API request batch.
CREATE INDEX harvest_run_succeeded ON harvest_run (id DESC) WHERE status = 'SUCCEEDED';
