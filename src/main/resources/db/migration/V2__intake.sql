-- Every nonce ever accepted: a signed envelope can never be replayed, on its dialogue or on another.
-- Inserted in the same transaction as the events the envelope causes, so a refused command consumes no nonce.
CREATE TABLE accepted_nonce (
    nonce         UUID         PRIMARY KEY,
    tenant        VARCHAR(64)  NOT NULL,
    dialogue_id   UUID         NOT NULL,
    command_type  VARCHAR(64)  NOT NULL,
    envelope_sha256 CHAR(64)   NOT NULL,
    accepted_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX accepted_nonce_dialogue_idx ON accepted_nonce (dialogue_id);

-- Human tracking codes: <TENANT>-<YEAR>-<sequence>, one gap-free sequence per tenant and year.
CREATE TABLE tracking_sequence (
    tenant  VARCHAR(64) NOT NULL,
    year    INTEGER     NOT NULL,
    last    BIGINT      NOT NULL,
    PRIMARY KEY (tenant, year)
);

CREATE TABLE tracking_code (
    code        VARCHAR(64) PRIMARY KEY,
    tenant      VARCHAR(64) NOT NULL,
    dialogue_id UUID        NOT NULL UNIQUE
);
