-- Data freshness: the date of the last successful extraction and the latest successful harvest run
SELECT greatest((SELECT max(date_extraction) FROM offreemploi),
                (SELECT max(extraction_date) FROM harvest_run WHERE status = 'SUCCEEDED')) AS derniere_extraction,
       (SELECT max(id) FROM harvest_run WHERE status = 'SUCCEEDED') AS dernier_run
