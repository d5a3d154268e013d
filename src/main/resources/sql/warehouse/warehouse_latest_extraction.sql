-- The latest extraction date in the warehouse: offers of the history dated before it were loaded by an
-- earlier successful load and have not changed since (an offer's values change only when it is re-seen).
SELECT max(date_extraction) FROM offreemploi
