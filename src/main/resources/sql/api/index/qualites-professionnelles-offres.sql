-- Which offer asks which professional quality (one row per junction row)
SELECT offre_id, qualite_professionnelle_id AS dimension_id FROM offre_qualiteprofessionnelle
