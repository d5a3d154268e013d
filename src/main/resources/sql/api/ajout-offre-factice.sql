-- 1-2: one fake offer in one statement (one transaction); nothing is written when the id exists,
-- so the caller draws another id. Parameters: offre_id, intitule (the fake-offer title).
WITH o AS (
    INSERT INTO offreemploi (offre_id, date_extraction, date_premiere_ecriture, date_creation, date_actualisation, nombre_postes)
    VALUES (:#offre_id, DATE '2020-01-01', DATE '2020-01-01', DATE '2020-01-01', DATE '2020-01-01', 1)
    ON CONFLICT (offre_id) DO NOTHING
    RETURNING offre_id
), d AS (
    INSERT INTO descriptionoffre (offre_id, intitule_offre, description_offre, nom_partenaire, rome_code, rome_libelle,
                                  appellation_rome, difficile_a_pourvoir, accessible_travailleurs_handicapes, url_france_travail)
    SELECT offre_id, CAST(:#intitule AS text), 'Description offre factice pour FastAPI', 'Partenaire factice', 'M1811', 'Data engineer',
           'Data engineer', false, true, 'url factice'
      FROM o
), l AS (
    INSERT INTO localisation (offre_id, code_insee, nom_commune, code_postal, nom_ville, code_departement, nom_departement,
                              code_region, nom_region, lieu_cas)
    SELECT offre_id, '75056', 'Paris', '75000', 'Paris', '75', 'Paris', '11', 'Île-de-France', 'cas_1' FROM o
), c AS (
    INSERT INTO contrat (offre_id, type_contrat, type_contrat_libelle, duree_travail_libelle, duree_travail_libelle_converti,
                         nature_contrat, salaire_libelle, salaire_complement_1, salaire_complement_2, salaire_commentaire,
                         alternance, deplacement_code, deplacement_libelle, temps_travail, condition_specifique)
    SELECT offre_id, 'CDI', 'Contrat à durée indéterminée', 'Temps plein', 'Temps plein', 'Contrat de travail',
           'Selon profil', 'Autre', 'Prime', 'Selon grille de salaire convention', false, NULL, NULL, 'Temps plein', NULL
      FROM o
)
SELECT count(*) AS inserted FROM o
