-- Which offer asks which education (one row per junction row)
SELECT offre_id, formation_id AS dimension_id FROM offre_formation
