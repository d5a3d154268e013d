-- Staging tables of the warehouse load (architecture.md, "the staging-table pattern"). Each load empties
-- them, fills them with COPY outside any warehouse transaction, then applies them to the warehouse in one
-- short transaction. UNLOGGED: their content is rebuilt at every load, so it needs no WAL and no crash
-- safety. One load at a time (advisory lock in WarehouseLoader), so one set of tables is enough.
-- Columns are those of the warehouse tables, without constraints: rows are checked when applied.

-- One row per offer: offreemploi, contrat, entreprise, localisation, descriptionoffre, and the
-- single-valued dimensions experience and qualification.
CREATE UNLOGGED TABLE staging_offre (
    offre_id                           TEXT NOT NULL,
    date_extraction                    DATE,
    date_premiere_ecriture             DATE,
    date_creation                      DATE,
    date_actualisation                 DATE,
    nombre_postes                      INTEGER,
    type_contrat                       TEXT,
    type_contrat_libelle               TEXT,
    duree_travail_libelle              TEXT,
    duree_travail_libelle_converti     TEXT,
    nature_contrat                     TEXT,
    salaire_libelle                    TEXT,
    salaire_complement_1               TEXT,
    salaire_complement_2               TEXT,
    salaire_commentaire                TEXT,
    alternance                         BOOLEAN,
    deplacement_code                   INTEGER,
    deplacement_libelle                TEXT,
    temps_travail                      TEXT,
    condition_specifique               TEXT,
    nom_entreprise                     TEXT,
    description_entreprise             TEXT,
    entreprise_adaptee                 BOOLEAN,
    code_naf                           TEXT,
    secteur_activite_libelle           TEXT,
    code_insee                         TEXT,
    nom_commune                        TEXT,
    code_postal                        TEXT,
    nom_ville                          TEXT,
    code_departement                   TEXT,
    nom_departement                    TEXT,
    code_region                        TEXT,
    nom_region                         TEXT,
    lieu_cas                           TEXT,
    intitule_offre                     TEXT,
    description_offre                  TEXT,
    nom_partenaire                     TEXT,
    rome_code                          TEXT,
    rome_libelle                       TEXT,
    appellation_rome                   TEXT,
    difficile_a_pourvoir               BOOLEAN,
    accessible_travailleurs_handicapes BOOLEAN,
    url_france_travail                 TEXT,
    metier_data                        TEXT,
    liste_mots_cles                    TEXT[],
    experience_libelle                 TEXT,
    experience_code_exigence           TEXT,
    experience_commentaire             TEXT,
    qualification_code                 INTEGER,
    qualification_libelle              TEXT,
    -- date of the offer's junction rows: its dateExtraction, or the run's date when that is unreadable
    date_lien                          DATE NOT NULL
);

-- Multi-valued attributes, one row per list element, natural-key columns as in the dimension tables.
CREATE UNLOGGED TABLE staging_competence (
    offre_id TEXT NOT NULL, date_extraction DATE NOT NULL,
    competence_code INTEGER, competence_libelle TEXT, competence_code_exigence TEXT
);
CREATE UNLOGGED TABLE staging_formation (
    offre_id TEXT NOT NULL, date_extraction DATE NOT NULL,
    formation_code INTEGER, formation_domaine_libelle TEXT, formation_niveau_libelle TEXT,
    formation_commentaire TEXT, formation_code_exigence TEXT
);
CREATE UNLOGGED TABLE staging_qualiteprofessionnelle (
    offre_id TEXT NOT NULL, date_extraction DATE NOT NULL,
    qualite_professionnelle_libelle TEXT, qualite_professionnelle_description TEXT
);
CREATE UNLOGGED TABLE staging_langue (
    offre_id TEXT NOT NULL, date_extraction DATE NOT NULL,
    langue_libelle TEXT, langue_code_exigence TEXT
);
CREATE UNLOGGED TABLE staging_permisconduire (
    offre_id TEXT NOT NULL, date_extraction DATE NOT NULL,
    permis_libelle TEXT, permis_code_exigence TEXT
);

-- Junction rows resolved to dimension ids, filled inside the apply transaction.
CREATE UNLOGGED TABLE staging_lien (
    dimension    TEXT NOT NULL,
    offre_id     TEXT NOT NULL,
    dimension_id INTEGER NOT NULL,
    date_extraction DATE NOT NULL
);

-- Offers of the warehouse that are not in this load and whose class or keywords changed (new rules or mode).
CREATE UNLOGGED TABLE staging_classification (
    offre_id        TEXT NOT NULL,
    metier_data     TEXT,
    liste_mots_cles TEXT[]
);
