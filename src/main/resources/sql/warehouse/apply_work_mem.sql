-- The apply statements hash-join staging tables of up to a few hundred thousand rows: give them memory
-- for this transaction only.
SET LOCAL work_mem = '64MB'
