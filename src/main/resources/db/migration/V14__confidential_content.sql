-- Confidential dialogues (ADR 018): their signed payloads are kept here, encrypted, never in the event store (whose
-- events keep the signature and the payload's SHA-256 only), in read models, Camunda or mails.

-- Which dialogues are confidential; erased_at is set when their keys were destroyed (PersonalDataErased).
CREATE TABLE confidential_dialogue (
    dialogue_id UUID         PRIMARY KEY,
    tenant      VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    erased_at   TIMESTAMPTZ
);

-- The dialogue's AES-256 data key, wrapped (CMS AuthEnvelopedData, RSA-OAEP or ECDH) for each agency that may read
-- it: the People's Committee at the ask, each department the dialogue is forwarded to. Deleting the rows erases the
-- content for good.
CREATE TABLE dialogue_key (
    dialogue_id        UUID         NOT NULL REFERENCES confidential_dialogue (dialogue_id),
    agency             VARCHAR(64)  NOT NULL,
    recipient_sha256   CHAR(64)     NOT NULL,
    wrapped            BYTEA        NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (dialogue_id, agency)
);

-- One signed payload of a confidential dialogue: AES-256-GCM under the data key, its associated data the dialogue and
-- the payload's SHA-256, so no ciphertext can stand in for another event's payload.
CREATE TABLE confidential_content (
    dialogue_id     UUID         NOT NULL REFERENCES confidential_dialogue (dialogue_id),
    payload_sha256  CHAR(64)     NOT NULL,
    iv              BYTEA        NOT NULL,
    ciphertext      BYTEA        NOT NULL,
    stored_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (dialogue_id, payload_sha256)
);
