-- The yearly salary bounds as one stored generated column: salaire_min and salaire_max each called the rule
-- (salaire_annuel, V8), so every row written ran it twice; contrat's insert took 9.6 s instead of 1.6 s for the
-- same 100,000 rows of entreprise. salaire_bornes = {min, max} in euros per year, NULL when the text gives none.
ALTER TABLE contrat
    DROP COLUMN salaire_min,
    DROP COLUMN salaire_max,
    ADD COLUMN salaire_bornes integer[] GENERATED ALWAYS AS (salaire_annuel(salaire_libelle, alternance)) STORED;

COMMENT ON COLUMN contrat.salaire_bornes IS
    'Yearly salary {min, max} in euros read from salaire_libelle by salaire_annuel(); NULL when the text gives none';
