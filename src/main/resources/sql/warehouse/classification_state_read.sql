-- The classification fingerprint of the last successful load (no row before the first load).
SELECT fingerprint FROM classification_state
