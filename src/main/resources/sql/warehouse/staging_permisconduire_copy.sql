-- One line per list element of this load's offers.
COPY staging_permisconduire (offre_id, date_extraction, permis_libelle, permis_code_exigence) FROM STDIN
