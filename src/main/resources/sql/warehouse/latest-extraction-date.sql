SELECT max(date_extraction) FROM offreemploi
