-- One line per list element of this load's offers.
COPY staging_competence (offre_id, date_extraction, competence_code, competence_libelle, competence_code_exigence) FROM STDIN
