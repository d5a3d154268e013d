-- One line per list element of this load's offers.
COPY staging_langue (offre_id, date_extraction, langue_libelle, langue_code_exigence) FROM STDIN
