-- First load into an empty warehouse only: the foreign keys are dropped for the inserts and added again,
-- checked in one pass each, at the end of the same transaction (first_load_foreign_keys_add). A per-row
-- check costs more than the insert itself: 566,490 offre_competence rows took 27.7 s with their two
-- checks, 6.2 s without and 0.4 s for the one-pass check. The dropping locks the tables until the commit;
-- an empty warehouse has nothing to read meanwhile. Keep in step with the migrations' REFERENCES clauses.
DO $$
BEGIN
    ALTER TABLE contrat DROP CONSTRAINT contrat_offre_id_fkey;
    ALTER TABLE entreprise DROP CONSTRAINT entreprise_offre_id_fkey;
    ALTER TABLE localisation DROP CONSTRAINT localisation_offre_id_fkey;
    ALTER TABLE descriptionoffre DROP CONSTRAINT descriptionoffre_offre_id_fkey;
    ALTER TABLE offre_competence DROP CONSTRAINT offre_competence_offre_id_fkey,
                                 DROP CONSTRAINT offre_competence_competence_id_fkey;
    ALTER TABLE offre_experience DROP CONSTRAINT offre_experience_offre_id_fkey,
                                 DROP CONSTRAINT offre_experience_experience_id_fkey;
    ALTER TABLE offre_formation DROP CONSTRAINT offre_formation_offre_id_fkey,
                                DROP CONSTRAINT offre_formation_formation_id_fkey;
    ALTER TABLE offre_qualiteprofessionnelle DROP CONSTRAINT offre_qualiteprofessionnelle_offre_id_fkey,
                                             DROP CONSTRAINT offre_qualiteprofessionnelle_qualite_professionnelle_id_fkey;
    ALTER TABLE offre_qualification DROP CONSTRAINT offre_qualification_offre_id_fkey,
                                    DROP CONSTRAINT offre_qualification_qualification_code_fkey;
    ALTER TABLE offre_langue DROP CONSTRAINT offre_langue_offre_id_fkey,
                             DROP CONSTRAINT offre_langue_langue_id_fkey;
    ALTER TABLE offre_permisconduire DROP CONSTRAINT offre_permisconduire_offre_id_fkey,
                                     DROP CONSTRAINT offre_permisconduire_permis_id_fkey;
END
$$
