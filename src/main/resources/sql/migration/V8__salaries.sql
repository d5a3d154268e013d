-- Yearly salary bounds read from contrat.salaire_libelle: the rule the original designed then dropped
-- (reference 6.3), with its two defects fixed: an amount is read whole ("45.000" and "45 000" are 45000, not 45
-- or 450), and an inverted monthly range is swapped AND converted to a yearly figure. A text the rule does not
-- read gives NULL bounds: it is counted by /stats/salaires, never guessed.
-- The bounds are stored generated columns: every insert and update computes them, and this migration computes them
-- for the offers already loaded. A change of the rule is a new migration that redefines salaire_annuel and
-- recomputes the columns.

-- The first two amounts of a text, as integers: digits with optional thousands separators (space, no-break space
-- or dot followed by exactly three digits), then optional cents (a dot or comma and one or two digits), ignored.
-- An amount of more than nine digits is NULL (not a salary, and it must not overflow).
CREATE FUNCTION salaire_montants(libelle text) RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$
SELECT array_agg(CASE WHEN length(digits) <= 9 THEN digits::integer END ORDER BY n)
  FROM (SELECT regexp_replace(m[1], '[^0-9]', '', 'g') AS digits, n
          FROM regexp_matches(libelle, '([0-9]{1,3}(?:[ .\u00a0][0-9]{3})+|[0-9]+)(?:[.,][0-9]{1,2})?(?![0-9])', 'g')
               WITH ORDINALITY AS r(m, n)
         ORDER BY n
         LIMIT 2) AS first_two
$$;

-- {yearly minimum, yearly maximum} of a salary text, or NULL. Whatever the declared period, an amount between
-- 1,666 and 12,500 euros is monthly (times 12) and one between 20,000 and 150,000 is yearly (reference 6.3);
-- hourly rates, work-study contracts and anything else give NULL.
CREATE FUNCTION salaire_annuel(libelle text, alternance boolean) RETURNS integer[]
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS
$$
DECLARE
    amounts integer[];
    low     integer;
    high    integer;
BEGIN
    IF libelle IS NULL OR libelle = 'Annuel de' OR libelle LIKE 'Horaire %' OR alternance IS TRUE THEN
        RETURN NULL;
    END IF;
    amounts := salaire_montants(libelle);
    IF libelle LIKE 'Annuel de % Euros à % Euros%' OR libelle LIKE 'Mensuel de % Euros à % Euros%'
        OR libelle LIKE 'De % Euros à % Euros%' OR libelle LIKE 'Autre de % Euros à % Euros'
        OR libelle LIKE 'Cachet de % Euros à % Euros' THEN
        IF amounts[1] IS NULL OR amounts[2] IS NULL THEN
            RETURN NULL;
        END IF;
        low := least(amounts[1], amounts[2]);
        high := greatest(amounts[1], amounts[2]);
        IF low BETWEEN 1666 AND 12500 AND high BETWEEN 1666 AND 12500 THEN
            RETURN ARRAY [low * 12, high * 12];
        ELSIF low BETWEEN 20000 AND 150000 AND high BETWEEN 20000 AND 150000 THEN
            RETURN ARRAY [low, high];
        END IF;
        RETURN NULL;
    END IF;
    IF libelle LIKE 'Annuel de % Euros sur%' OR libelle LIKE 'Annuel de % Euros'
        OR libelle LIKE 'Mensuel de % Euros sur%' OR libelle LIKE 'Mensuel de % Euros' THEN
        low := amounts[1];
        IF low BETWEEN 1666 AND 12500 THEN
            RETURN ARRAY [low * 12, low * 12];
        ELSIF low BETWEEN 20000 AND 150000 THEN
            RETURN ARRAY [low, low];
        END IF;
    END IF;
    RETURN NULL;
END
$$;

ALTER TABLE contrat
    ADD COLUMN salaire_min integer GENERATED ALWAYS AS ((salaire_annuel(salaire_libelle, alternance))[1]) STORED,
    ADD COLUMN salaire_max integer GENERATED ALWAYS AS ((salaire_annuel(salaire_libelle, alternance))[2]) STORED;
