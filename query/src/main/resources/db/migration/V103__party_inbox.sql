-- Read model owned by PartyInboxProjection (processing group party-inbox): each party's list of dialogues. The asker
-- (actor kind and id of DialogueAsked) and every agency involved (the moderator, each department a forward went to)
-- see the dialogue; the tenant is part of every key because agency codes are unique only within a tenant.
CREATE TABLE inbox_dialogue (
    dialogue_id       UUID         PRIMARY KEY,
    tenant            VARCHAR(64)  NOT NULL,
    tracking_code     VARCHAR(64)  NOT NULL,
    topic             VARCHAR(100) NOT NULL,
    subject           TEXT         NOT NULL,
    confidential      BOOLEAN      NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    moderator_agency  VARCHAR(64)  NOT NULL,
    handling_agency   VARCHAR(64)  NOT NULL,
    -- The deadlines of the open steps; due_at is the one the current status runs against (null when none runs).
    triage_due_at     TIMESTAMPTZ,
    forward_due_at    TIMESTAMPTZ,
    due_at            TIMESTAMPTZ,
    last_activity_at  TIMESTAMPTZ  NOT NULL,
    -- The sequence number of the last event applied: replays and retries never apply an event twice.
    last_sequence     BIGINT       NOT NULL
);

-- Who sees which dialogue. party_kind is the asker's actor kind (BUSINESS, CITIZEN) with party_id the actor id
-- (MST:..., CCCD:...), or AGENCY with party_id the agency code.
CREATE TABLE inbox_party (
    tenant       VARCHAR(64)  NOT NULL,
    party_kind   VARCHAR(16)  NOT NULL CHECK (party_kind IN ('BUSINESS', 'CITIZEN', 'AGENCY')),
    party_id     VARCHAR(128) NOT NULL,
    dialogue_id  UUID         NOT NULL REFERENCES inbox_dialogue (dialogue_id) ON DELETE CASCADE,
    role         VARCHAR(16)  NOT NULL CHECK (role IN ('ASKER', 'MODERATOR', 'DEPARTMENT')),
    since_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant, party_kind, party_id, dialogue_id)
);
CREATE INDEX inbox_party_dialogue_idx ON inbox_party (dialogue_id);
CREATE INDEX inbox_dialogue_activity_idx ON inbox_dialogue (last_activity_at DESC, dialogue_id);
