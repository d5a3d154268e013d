-- Undo of a run (restore load, after the other steps): the dimension rows that no offer uses any more, those the
-- undone run had added. Result: rows deleted from qualification (the others are counted by no one).
WITH competence AS (
    DELETE FROM competence d WHERE NOT EXISTS (SELECT 1 FROM offre_competence j WHERE j.competence_id = d.competence_id)
), experience AS (
    DELETE FROM experience d WHERE NOT EXISTS (SELECT 1 FROM offre_experience j WHERE j.experience_id = d.experience_id)
), formation AS (
    DELETE FROM formation d WHERE NOT EXISTS (SELECT 1 FROM offre_formation j WHERE j.formation_id = d.formation_id)
), qualite AS (
    DELETE FROM qualiteprofessionnelle d WHERE NOT EXISTS (
        SELECT 1 FROM offre_qualiteprofessionnelle j WHERE j.qualite_professionnelle_id = d.qualite_professionnelle_id)
), langue AS (
    DELETE FROM langue d WHERE NOT EXISTS (SELECT 1 FROM offre_langue j WHERE j.langue_id = d.langue_id)
), permis AS (
    DELETE FROM permisconduire d WHERE NOT EXISTS (SELECT 1 FROM offre_permisconduire j WHERE j.permis_id = d.permis_id)
)
DELETE FROM qualification d WHERE NOT EXISTS (SELECT 1 FROM offre_qualification j WHERE j.qualification_code = d.qualification_code)
