-- Read model owned by DialogueSummaryProjection (processing group dialogue-summary): where each dialogue stands.
-- Holds no content and no personal data: it answers "what is the status of my tracking code".
CREATE TABLE dialogue_summary (
    dialogue_id       UUID         PRIMARY KEY,
    tenant            VARCHAR(64)  NOT NULL,
    tracking_code     VARCHAR(64)  NOT NULL UNIQUE,
    topic             VARCHAR(100) NOT NULL,
    confidential      BOOLEAN      NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    moderator_agency  VARCHAR(64)  NOT NULL,
    handling_agency   VARCHAR(64)  NOT NULL,
    due_at            TIMESTAMPTZ,
    escalation_level  INTEGER      NOT NULL DEFAULT 0,
    asked_at          TIMESTAMPTZ  NOT NULL,
    answered_at       TIMESTAMPTZ,
    published         BOOLEAN      NOT NULL DEFAULT FALSE,
    rating            INTEGER,
    last_event_at     TIMESTAMPTZ  NOT NULL,
    -- The sequence number of the last event applied: replays and retries never apply an event twice.
    last_sequence     BIGINT       NOT NULL
);
CREATE INDEX dialogue_summary_tenant_status_idx ON dialogue_summary (tenant, status);
