-- Read model owned by DialogueTimelineProjection (processing group dialogue-timeline): every event of every dialogue,
-- with its evidence (signed bytes, CMS signature, certificate chain, hash chain) and the signer facts read from the
-- first certificate. Serves the officials' case pages, the public page's signature facts and evidence downloads.
CREATE TABLE timeline_event (
    dialogue_id        UUID         NOT NULL,
    -- The event's sequence number in its dialogue: with dialogue_id, the event's identity (replays insert nothing).
    sequence           BIGINT       NOT NULL,
    tenant             VARCHAR(64)  NOT NULL,
    event_type         VARCHAR(64)  NOT NULL,
    occurred_at        TIMESTAMPTZ  NOT NULL,
    actor_kind         VARCHAR(16)  NOT NULL,
    actor_id           TEXT         NOT NULL,
    actor_name         TEXT,
    actor_agency       VARCHAR(64),
    summary_vi         TEXT         NOT NULL,
    summary_en         TEXT         NOT NULL,
    signed_payload     TEXT         NOT NULL,
    signature          TEXT         NOT NULL,
    -- Base64 DER certificates, signer first.
    certificate_chain  TEXT[]       NOT NULL,
    previous_hash      CHAR(64)     NOT NULL,
    hash               CHAR(64)     NOT NULL,
    -- Null when the first certificate cannot be parsed: the evidence is still kept as stored.
    signer_subject_cn  TEXT,
    signer_issuer_cn   TEXT,
    signer_serial      VARCHAR(80),
    PRIMARY KEY (dialogue_id, sequence)
);
CREATE INDEX timeline_event_tenant_dialogue_idx ON timeline_event (tenant, dialogue_id, sequence);
