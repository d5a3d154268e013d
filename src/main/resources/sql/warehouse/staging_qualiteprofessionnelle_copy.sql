-- One line per list element of this load's offers.
COPY staging_qualiteprofessionnelle (offre_id, date_extraction, qualite_professionnelle_libelle, qualite_professionnelle_description) FROM STDIN
