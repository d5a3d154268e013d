SELECT coalesce(d.metier_data, 'none') AS metier_data,
       count(*) AS offers,
       count(*) FILTER (WHERE o.date_extraction = (SELECT max(date_extraction) FROM offreemploi)) AS available
  FROM offreemploi o
  JOIN descriptionoffre d USING (offre_id)
 GROUP BY 1
