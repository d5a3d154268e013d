-- Which offer asks which competence (one row per junction row: competences.sql counts them all)
SELECT offre_id, competence_id AS dimension_id FROM offre_competence
