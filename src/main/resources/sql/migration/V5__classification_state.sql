-- The classification (mode, rules, keyword lists: Classification.fingerprint()) that every offer's
-- metier_data and liste_mots_cles were computed with, written by each successful warehouse load in its
-- transaction. A load re-checks the offers outside it only when the current fingerprint differs (first
-- load, mode change, new rules). One row at most.
CREATE TABLE classification_state (
    singleton   BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
    fingerprint TEXT NOT NULL,
    written_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
