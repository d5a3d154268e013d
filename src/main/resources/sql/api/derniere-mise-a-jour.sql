-- Data freshness: the date of the last successful extraction, the latest successful harvest run, and the rows
-- written so far to the tables the API's answers read (PostgreSQL's statistics counters: they move with every
-- committed write, the warehouse load's and any other, within about a second; they are not transactional)
SELECT greatest((SELECT max(date_extraction) FROM offreemploi),
                (SELECT max(extraction_date) FROM harvest_run WHERE status = 'SUCCEEDED')) AS derniere_extraction,
       (SELECT max(id) FROM harvest_run WHERE status = 'SUCCEEDED') AS dernier_run,
       (SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables
         WHERE relname IN ('offreemploi', 'descriptionoffre', 'localisation', 'contrat', 'competence', 'offre_competence',
                           'experience', 'offre_experience', 'formation', 'offre_formation', 'qualiteprofessionnelle',
                           'offre_qualiteprofessionnelle', 'qualification', 'offre_qualification', 'langue',
                           'offre_langue', 'permisconduire', 'offre_permisconduire')) AS lignes_ecrites
