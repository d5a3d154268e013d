-- Which offer asks which driving licence (one row per junction row)
SELECT offre_id, permis_id AS dimension_id FROM offre_permisconduire
