-- The warehouse of reference.md section 5.2: one fact table, four one-to-one tables keyed by offre_id,
-- seven dimensions each with a junction table. Departures from the original, each fixing a load failure
-- or a lost row it documents:
--  * free text is TEXT: no API value can overflow a column (the original's VARCHAR(6000) descriptions,
--    VARCHAR(65) URLs and VARCHAR(5) postal codes failed its load);
--  * dimension natural keys are UNIQUE NULLS NOT DISTINCT (PostgreSQL 15+): a NULL no longer creates a
--    new dimension row at every load;
--  * qualification_libelle is an ordinary column, so a label change for a code is an update;
--  * metier_data and liste_mots_cles are created here, not added at run time;
--  * indexes serve the API's filters and joins.

CREATE TABLE offreemploi (
    offre_id               TEXT PRIMARY KEY,
    date_extraction        DATE,
    date_premiere_ecriture DATE,
    date_creation          DATE,
    date_actualisation     DATE,
    nombre_postes          INTEGER
);
CREATE INDEX offreemploi_date_extraction ON offreemploi (date_extraction);
CREATE INDEX offreemploi_date_creation ON offreemploi (date_creation DESC);

CREATE TABLE contrat (
    offre_id                       TEXT PRIMARY KEY REFERENCES offreemploi ON DELETE CASCADE,
    type_contrat                   TEXT,
    type_contrat_libelle           TEXT,
    duree_travail_libelle          TEXT,
    duree_travail_libelle_converti TEXT,
    nature_contrat                 TEXT,
    salaire_libelle                TEXT,
    salaire_complement_1           TEXT,
    salaire_complement_2           TEXT,
    salaire_commentaire            TEXT,
    alternance                     BOOLEAN,
    deplacement_code               INTEGER,
    deplacement_libelle            TEXT,
    temps_travail                  TEXT,
    condition_specifique           TEXT
);

CREATE TABLE entreprise (
    offre_id                 TEXT PRIMARY KEY REFERENCES offreemploi ON DELETE CASCADE,
    nom_entreprise           TEXT,
    description_entreprise   TEXT,
    entreprise_adaptee       BOOLEAN,
    code_naf                 TEXT,
    secteur_activite_libelle TEXT
);

CREATE TABLE localisation (
    offre_id         TEXT PRIMARY KEY REFERENCES offreemploi ON DELETE CASCADE,
    code_insee       TEXT,
    nom_commune      TEXT,
    code_postal      TEXT,
    nom_ville        TEXT,
    code_departement TEXT,
    nom_departement  TEXT,
    code_region      TEXT,
    nom_region       TEXT,
    lieu_cas         TEXT CHECK (lieu_cas IN ('cas_1', 'cas_2', 'cas_3', 'cas_4', 'cas_5'))
);
CREATE INDEX localisation_code_region ON localisation (code_region);
CREATE INDEX localisation_code_departement ON localisation (code_departement);
CREATE INDEX localisation_code_postal ON localisation (code_postal);
CREATE INDEX localisation_code_insee ON localisation (code_insee);

CREATE TABLE descriptionoffre (
    offre_id                           TEXT PRIMARY KEY REFERENCES offreemploi ON DELETE CASCADE,
    intitule_offre                     TEXT,
    description_offre                  TEXT,
    nom_partenaire                     TEXT,
    rome_code                          TEXT,
    rome_libelle                       TEXT,
    appellation_rome                   TEXT,
    difficile_a_pourvoir               BOOLEAN,
    accessible_travailleurs_handicapes BOOLEAN,
    url_france_travail                 TEXT,
    metier_data                        TEXT CHECK (metier_data IN ('DE', 'DA', 'DS')),
    liste_mots_cles                    TEXT[]
);
CREATE INDEX descriptionoffre_metier_data ON descriptionoffre (metier_data);
CREATE INDEX descriptionoffre_intitule_offre ON descriptionoffre (intitule_offre);

-- competence ------------------------------------------------------------------------------------------
CREATE TABLE competence (
    competence_id            SERIAL PRIMARY KEY,
    competence_code          INTEGER,
    competence_libelle       TEXT,
    competence_code_exigence TEXT,
    UNIQUE NULLS NOT DISTINCT (competence_code, competence_libelle, competence_code_exigence)
);
CREATE TABLE offre_competence (
    offre_id        TEXT NOT NULL REFERENCES offreemploi ON DELETE CASCADE,
    competence_id   INTEGER NOT NULL REFERENCES competence ON DELETE CASCADE,
    date_extraction DATE NOT NULL,
    PRIMARY KEY (offre_id, competence_id, date_extraction)
);
CREATE INDEX offre_competence_competence_id ON offre_competence (competence_id);

-- experience ------------------------------------------------------------------------------------------
CREATE TABLE experience (
    experience_id            SERIAL PRIMARY KEY,
    experience_libelle       TEXT,
    experience_code_exigence TEXT,
    experience_commentaire   TEXT,
    UNIQUE NULLS NOT DISTINCT (experience_libelle, experience_code_exigence, experience_commentaire)
);
CREATE TABLE offre_experience (
    offre_id        TEXT NOT NULL REFERENCES offreemploi ON DELETE CASCADE,
    experience_id   INTEGER NOT NULL REFERENCES experience ON DELETE CASCADE,
    date_extraction DATE NOT NULL,
    PRIMARY KEY (offre_id, experience_id, date_extraction)
);
CREATE INDEX offre_experience_experience_id ON offre_experience (experience_id);

-- formation -------------------------------------------------------------------------------------------
CREATE TABLE formation (
    formation_id              SERIAL PRIMARY KEY,
    formation_code            INTEGER,
    formation_domaine_libelle TEXT,
    formation_niveau_libelle  TEXT,
    formation_commentaire     TEXT,
    formation_code_exigence   TEXT,
    UNIQUE NULLS NOT DISTINCT (formation_code, formation_domaine_libelle, formation_niveau_libelle,
                               formation_commentaire, formation_code_exigence)
);
CREATE TABLE offre_formation (
    offre_id        TEXT NOT NULL REFERENCES offreemploi ON DELETE CASCADE,
    formation_id    INTEGER NOT NULL REFERENCES formation ON DELETE CASCADE,
    date_extraction DATE NOT NULL,
    PRIMARY KEY (offre_id, formation_id, date_extraction)
);
CREATE INDEX offre_formation_formation_id ON offre_formation (formation_id);

-- qualite professionnelle -----------------------------------------------------------------------------
CREATE TABLE qualiteprofessionnelle (
    qualite_professionnelle_id          SERIAL PRIMARY KEY,
    qualite_professionnelle_libelle     TEXT,
    qualite_professionnelle_description TEXT,
    UNIQUE NULLS NOT DISTINCT (qualite_professionnelle_libelle, qualite_professionnelle_description)
);
CREATE TABLE offre_qualiteprofessionnelle (
    offre_id                   TEXT NOT NULL REFERENCES offreemploi ON DELETE CASCADE,
    qualite_professionnelle_id INTEGER NOT NULL REFERENCES qualiteprofessionnelle ON DELETE CASCADE,
    date_extraction            DATE NOT NULL,
    PRIMARY KEY (offre_id, qualite_professionnelle_id, date_extraction)
);
CREATE INDEX offre_qualiteprofessionnelle_qualite_id ON offre_qualiteprofessionnelle (qualite_professionnelle_id);

-- qualification (natural key: the code; the label follows the latest load) -----------------------------
CREATE TABLE qualification (
    qualification_code    INTEGER PRIMARY KEY,
    qualification_libelle TEXT
);
CREATE TABLE offre_qualification (
    offre_id           TEXT NOT NULL REFERENCES offreemploi ON DELETE CASCADE,
    qualification_code INTEGER NOT NULL REFERENCES qualification ON DELETE CASCADE,
    date_extraction    DATE NOT NULL,
    PRIMARY KEY (offre_id, qualification_code, date_extraction)
);
CREATE INDEX offre_qualification_code ON offre_qualification (qualification_code);

-- langue ----------------------------------------------------------------------------------------------
CREATE TABLE langue (
    langue_id            SERIAL PRIMARY KEY,
    langue_libelle       TEXT NOT NULL,
    langue_code_exigence TEXT,
    UNIQUE NULLS NOT DISTINCT (langue_libelle, langue_code_exigence)
);
CREATE TABLE offre_langue (
    offre_id        TEXT NOT NULL REFERENCES offreemploi ON DELETE CASCADE,
    langue_id       INTEGER NOT NULL REFERENCES langue ON DELETE CASCADE,
    date_extraction DATE NOT NULL,
    PRIMARY KEY (offre_id, langue_id, date_extraction)
);
CREATE INDEX offre_langue_langue_id ON offre_langue (langue_id);

-- permis de conduire ----------------------------------------------------------------------------------
CREATE TABLE permisconduire (
    permis_id            SERIAL PRIMARY KEY,
    permis_libelle       TEXT NOT NULL,
    permis_code_exigence TEXT,
    UNIQUE NULLS NOT DISTINCT (permis_libelle, permis_code_exigence)
);
CREATE TABLE offre_permisconduire (
    offre_id        TEXT NOT NULL REFERENCES offreemploi ON DELETE CASCADE,
    permis_id       INTEGER NOT NULL REFERENCES permisconduire ON DELETE CASCADE,
    date_extraction DATE NOT NULL,
    PRIMARY KEY (offre_id, permis_id, date_extraction)
);
CREATE INDEX offre_permisconduire_permis_id ON offre_permisconduire (permis_id);
