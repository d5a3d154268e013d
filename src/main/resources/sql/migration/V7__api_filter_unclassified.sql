-- metier_data = 'vide' selects the offers without a data job class (the dashboard's "(vide)" choice, the
-- original report's "(Blank)"); the rest of the common filter set is unchanged (V4).
CREATE OR REPLACE FUNCTION api_offres_filtrees(p_metier_data text, p_dispo_only boolean, p_regions text[],
                                               p_departements text[], p_postaux text[], p_insee text[])
    RETURNS TABLE (offre_id text)
    LANGUAGE sql STABLE AS
$$
SELECT o.offre_id
  FROM offreemploi o
  JOIN descriptionoffre d ON d.offre_id = o.offre_id
  JOIN localisation l ON l.offre_id = o.offre_id
 WHERE (p_metier_data IS NULL OR d.metier_data = p_metier_data OR (p_metier_data = 'vide' AND d.metier_data IS NULL))
   AND (NOT p_dispo_only OR o.date_extraction = (SELECT max(date_extraction) FROM offreemploi))
   AND (p_regions IS NULL OR l.code_region = ANY (p_regions))
   AND (p_departements IS NULL OR l.code_departement = ANY (p_departements))
   AND (p_postaux IS NULL OR l.code_postal = ANY (p_postaux))
   AND (p_insee IS NULL OR l.code_insee = ANY (p_insee))
$$;
