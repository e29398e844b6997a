-- Operators' requests to retry parked dialogues (`edialog dead-letters retry`): written by the command line, taken by
-- one running server (FOR UPDATE SKIP LOCKED), which retries them with its own event processors and writes the outcome.
CREATE TABLE dead_letter_retry (
    id               BIGSERIAL     PRIMARY KEY,
    processing_group VARCHAR(255),
    dialogue         VARCHAR(255),
    requested_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    done_at          TIMESTAMPTZ,
    retried          INTEGER,
    still_parked     INTEGER,
    outcome          TEXT
);

CREATE INDEX dead_letter_retry_waiting ON dead_letter_retry (id) WHERE started_at IS NULL;
