-- The RFC 3161 time-stamp over each stored signature (CAdES signature-time-stamp: over the SignerInfo's signature
-- value), kept beside the event it proves, never in it: events and their signed bytes never change (ADR 016). A row is
-- recorded pending for every event (SignatureTimeStamps) and stamped by TimeStampJob when an authority answers.
CREATE TABLE signature_timestamp (
    dialogue_id      UUID         NOT NULL,
    sequence         BIGINT       NOT NULL,
    -- The octets of the SignerInfo's signature field: what the token's imprint is the SHA-256 of.
    signature_value  BYTEA        NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    -- The DER TimeStampToken (a CMS ContentInfo); null while pending.
    token            BYTEA,
    -- The token's genTime, and its authority (the certificate's subject).
    stamped_at       TIMESTAMPTZ,
    authority        TEXT,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    last_error       TEXT,
    PRIMARY KEY (dialogue_id, sequence)
);
CREATE INDEX signature_timestamp_pending_idx ON signature_timestamp (recorded_at) WHERE token IS NULL;
