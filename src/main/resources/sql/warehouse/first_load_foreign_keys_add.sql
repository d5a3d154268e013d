-- The foreign keys first_load_foreign_keys_drop dropped, as the migrations define them, each checked
-- against the loaded rows in one pass; a row without its offer or dimension fails the load.
DO $$
BEGIN
    ALTER TABLE contrat ADD CONSTRAINT contrat_offre_id_fkey
        FOREIGN KEY (offre_id) REFERENCES offreemploi ON DELETE CASCADE;
    ALTER TABLE entreprise ADD CONSTRAINT entreprise_offre_id_fkey
        FOREIGN KEY (offre_id) REFERENCES offreemploi ON DELETE CASCADE;
    ALTER TABLE localisation ADD CONSTRAINT localisation_offre_id_fkey
        FOREIGN KEY (offre_id) REFERENCES offreemploi ON DELETE CASCADE;
    ALTER TABLE descriptionoffre ADD CONSTRAINT descriptionoffre_offre_id_fkey
        FOREIGN KEY (offre_id) REFERENCES offreemploi ON DELETE CASCADE;
    ALTER TABLE offre_competence
        ADD CONSTRAINT offre_competence_offre_id_fkey
            FOREIGN KEY (offre_id) REFERENCES offreemploi ON DELETE CASCADE,
        ADD CONSTRAINT offre_competence_competence_id_fkey
            FOREIGN KEY (competence_id) REFERENCES competence ON DELETE CASCADE;
    ALTER TABLE offre_experience
        ADD CONSTRAINT offre_experience_offre_id_fkey
            FOREIGN KEY (offre_id) REFERENCES offreemploi ON DELETE CASCADE,
        ADD CONSTRAINT offre_experience_experience_id_fkey
            FOREIGN KEY (experience_id) REFERENCES experience ON DELETE CASCADE;
    ALTER TABLE offre_formation
        ADD CONSTRAINT offre_formation_offre_id_fkey
            FOREIGN KEY (offre_id) REFERENCES offreemploi ON DELETE CASCADE,
        ADD CONSTRAINT offre_formation_formation_id_fkey
            FOREIGN KEY (formation_id) REFERENCES formation ON DELETE CASCADE;
    ALTER TABLE offre_qualiteprofessionnelle
        ADD CONSTRAINT offre_qualiteprofessionnelle_offre_id_fkey
            FOREIGN KEY (offre_id) REFERENCES offreemploi ON DELETE CASCADE,
        ADD CONSTRAINT offre_qualiteprofessionnelle_qualite_professionnelle_id_fkey
            FOREIGN KEY (qualite_professionnelle_id) REFERENCES qualiteprofessionnelle ON DELETE CASCADE;
    ALTER TABLE offre_qualification
        ADD CONSTRAINT offre_qualification_offre_id_fkey
            FOREIGN KEY (offre_id) REFERENCES offreemploi ON DELETE CASCADE,
        ADD CONSTRAINT offre_qualification_qualification_code_fkey
            FOREIGN KEY (qualification_code) REFERENCES qualification ON DELETE CASCADE;
    ALTER TABLE offre_langue
        ADD CONSTRAINT offre_langue_offre_id_fkey
            FOREIGN KEY (offre_id) REFERENCES offreemploi ON DELETE CASCADE,
        ADD CONSTRAINT offre_langue_langue_id_fkey
            FOREIGN KEY (langue_id) REFERENCES langue ON DELETE CASCADE;
    ALTER TABLE offre_permisconduire
        ADD CONSTRAINT offre_permisconduire_offre_id_fkey
            FOREIGN KEY (offre_id) REFERENCES offreemploi ON DELETE CASCADE,
        ADD CONSTRAINT offre_permisconduire_permis_id_fkey
            FOREIGN KEY (permis_id) REFERENCES permisconduire ON DELETE CASCADE;
END
$$
