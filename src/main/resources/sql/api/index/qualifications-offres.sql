-- Which offer asks which qualification (one row per junction row)
SELECT offre_id, qualification_code AS dimension_id FROM offre_qualification
