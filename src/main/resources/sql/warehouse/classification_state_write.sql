-- Records the classification fingerprint of this load, inside its apply transaction. Parameter: fingerprint.
INSERT INTO classification_state (singleton, fingerprint, written_at)
VALUES (true, ?, now())
ON CONFLICT (singleton) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, written_at = EXCLUDED.written_at
