-- The operators' erasure requests (`edialog erase --dialogue ID --reason TEXT`): a running server takes each one, records
-- the signed PersonalDataErased and destroys the dialogue's data keys, and writes the outcome back for the command.
CREATE TABLE erasure_request (
    id            BIGSERIAL    PRIMARY KEY,
    dialogue_id   UUID         NOT NULL,
    reason        TEXT         NOT NULL,
    requested_by  VARCHAR(256) NOT NULL,
    requested_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at    TIMESTAMPTZ,
    done_at       TIMESTAMPTZ,
    erased        BOOLEAN,
    outcome       TEXT
);
