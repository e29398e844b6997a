-- The certificate and revocation values that validated each stored signature and its signature-time-stamp
-- (CAdES-BASELINE-LT), captured by ValidationValuesJob as soon as the signature is time-stamped, beside the event and
-- never in it (ADR 016). A CRL validates thousands of signatures: each value is stored once, by its SHA-256, and
-- linked to the signatures it validates.
CREATE TABLE validation_value (
    sha256       BYTEA        PRIMARY KEY,
    kind         TEXT         NOT NULL CHECK (kind IN ('certificate', 'crl')),
    der          BYTEA        NOT NULL,
    captured_at  TIMESTAMPTZ  NOT NULL
);

CREATE TABLE signature_validation_value (
    dialogue_id  UUID    NOT NULL,
    sequence     BIGINT  NOT NULL,
    sha256       BYTEA   NOT NULL REFERENCES validation_value (sha256),
    PRIMARY KEY (dialogue_id, sequence, sha256),
    FOREIGN KEY (dialogue_id, sequence) REFERENCES signature_timestamp (dialogue_id, sequence)
);

-- When the values were captured (null while awaiting), and what could not be had then (a CRL unreachable).
ALTER TABLE signature_timestamp ADD COLUMN validation_captured_at TIMESTAMPTZ;
ALTER TABLE signature_timestamp ADD COLUMN validation_missing TEXT;
CREATE INDEX signature_timestamp_uncaptured_idx ON signature_timestamp (stamped_at)
    WHERE token IS NOT NULL AND validation_captured_at IS NULL;
