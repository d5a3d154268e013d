-- Which offer asks which experience (one row per junction row)
SELECT offre_id, experience_id AS dimension_id FROM offre_experience
