-- Synthetic warehouse for scripts/bench-api.sh: 120,000 offers over 12 cities, 3 % data jobs,
-- 5 skills, 1 experience and 2 professional qualities per offer. Deterministic (setseed).
SELECT setseed(0.42);
TRUNCATE offreemploi, competence, experience, qualiteprofessionnelle RESTART IDENTITY CASCADE;
INSERT INTO offreemploi
SELECT lpad(to_hex(n), 7, '0'), DATE '2025-07-24' - (n % 60), DATE '2025-03-02' + (n % 100),
       DATE '2025-07-24' - (n % 200), DATE '2025-07-24' - (n % 150), 1
  FROM generate_series(1, 120000) n;
INSERT INTO descriptionoffre (offre_id, intitule_offre, description_offre, metier_data)
SELECT offre_id, 'Offre ' || offre_id, 'Description ' || offre_id,
       CASE WHEN random() < 0.03 THEN (ARRAY['DE', 'DA', 'DS'])[1 + floor(random() * 3)::int] END
  FROM offreemploi;
WITH c(i, insee, commune, cp, ville, dep, nomdep, reg, nomreg) AS (VALUES
  (0, '75108', 'Paris 8e Arrondissement', '75008', 'Paris', '75', 'Paris', '11', 'Île-de-France'),
  (1, '75101', 'Paris 1er Arrondissement', '75001', 'Paris', '75', 'Paris', '11', 'Île-de-France'),
  (2, '69381', 'Lyon 1er Arrondissement', '69001', 'Lyon', '69', 'Rhône', '84', 'Auvergne-Rhône-Alpes'),
  (3, '33063', 'Bordeaux', '33000', 'Bordeaux', '33', 'Gironde', '75', 'Nouvelle-Aquitaine'),
  (4, '31555', 'Toulouse', '31000', 'Toulouse', '31', 'Haute-Garonne', '76', 'Occitanie'),
  (5, '44109', 'Nantes', '44000', 'Nantes', '44', 'Loire-Atlantique', '52', 'Pays de la Loire'),
  (6, '59350', 'Lille', '59000', 'Lille', '59', 'Nord', '32', 'Hauts-de-France'),
  (7, '67482', 'Strasbourg', '67000', 'Strasbourg', '67', 'Bas-Rhin', '44', 'Grand Est'),
  (8, '13055', 'Marseille', NULL, 'Marseille', '13', 'Bouches-du-Rhône', '93', 'Provence-Alpes-Côte d''Azur'),
  (9, '35238', 'Rennes', '35000', 'Rennes', '35', 'Ille-et-Vilaine', '53', 'Bretagne'),
  (10, NULL, NULL, NULL, NULL, '92', 'Hauts-de-Seine', '11', 'Île-de-France'),
  (11, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL))
INSERT INTO localisation
SELECT o.offre_id, c.insee, c.commune, c.cp, c.ville, c.dep, c.nomdep, c.reg, c.nomreg,
       CASE WHEN c.i = 11 THEN 'cas_5' WHEN c.i = 10 THEN 'cas_3' ELSE 'cas_1' END
  FROM offreemploi o JOIN c ON c.i = abs(hashtext(o.offre_id)) % 12;
INSERT INTO contrat (offre_id, type_contrat) SELECT offre_id, 'CDI' FROM offreemploi;
INSERT INTO competence (competence_code, competence_libelle, competence_code_exigence)
SELECT n, 'Compétence ' || n, CASE WHEN n % 3 = 0 THEN 'S' ELSE 'E' END FROM generate_series(1, 300) n;
INSERT INTO offre_competence
SELECT DISTINCT o.offre_id, 1 + floor(random() * 300)::int, o.date_extraction
  FROM offreemploi o, generate_series(1, 5);
INSERT INTO experience (experience_libelle, experience_code_exigence, experience_commentaire)
SELECT n || ' An(s)', (ARRAY['D', 'S', 'E'])[1 + n % 3], NULL FROM generate_series(1, 10) n;
INSERT INTO offre_experience SELECT offre_id, 1 + floor(random() * 10)::int, date_extraction FROM offreemploi;
INSERT INTO qualiteprofessionnelle (qualite_professionnelle_libelle, qualite_professionnelle_description)
SELECT 'Qualité ' || n, 'Description ' || n FROM generate_series(1, 40) n;
INSERT INTO offre_qualiteprofessionnelle
SELECT DISTINCT o.offre_id, 1 + floor(random() * 40)::int, o.date_extraction FROM offreemploi o, generate_series(1, 2);
ANALYZE;
