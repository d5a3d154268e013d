-- One line per list element of this load's offers.
COPY staging_formation (offre_id, date_extraction, formation_code, formation_domaine_libelle, formation_niveau_libelle, formation_commentaire, formation_code_exigence) FROM STDIN
