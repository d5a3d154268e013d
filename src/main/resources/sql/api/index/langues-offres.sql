-- Which offer asks which language (one row per junction row)
SELECT offre_id, langue_id AS dimension_id FROM offre_langue
