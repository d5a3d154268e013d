-- The apply statements join this load's staging rows to warehouse tables on equality keys: hash joins.
-- A merge join on a key of few values (permis_id has two) with the offer id as a mere filter compares
-- every pair of rows (seen: 64 million comparisons, 7 s, when the table's statistics were out of date).
SET LOCAL enable_mergejoin = off
