-- One row per harvest: what started it, how it ended, counts per stage, and the error that stopped it.
CREATE TABLE harvest_run (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger         TEXT NOT NULL CHECK (trigger IN ('schedule', 'admin', 'startup', 'replay', 'test')),
    status          TEXT NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    extraction_date DATE NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at     TIMESTAMPTZ,
    counts          JSONB NOT NULL DEFAULT '{}'::jsonb,
    error           TEXT,
    CHECK ((status = 'RUNNING') = (finished_at IS NULL))
);
CREATE INDEX harvest_run_started_at ON harvest_run (started_at DESC);

-- Never two runs at once, even with several instances on one database.
CREATE UNIQUE INDEX harvest_run_one_running ON harvest_run ((true)) WHERE status = 'RUNNING';
