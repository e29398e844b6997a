-- How to reach an asker by e-mail. Given next to the signed envelope, not inside it: contact details are personal data
-- that may change or be erased, which the immutable event store must not hold.
CREATE TABLE asker_contact (
    dialogue_id UUID         PRIMARY KEY,
    email       VARCHAR(320) NOT NULL
);

-- Mails to send. Written by the notifications processor in the same transaction as its token, one row per event and
-- recipient (message_key), so a replay or a retried batch adds nothing; the dispatcher sends each row once.
CREATE TABLE mail_outbox (
    id          BIGSERIAL    PRIMARY KEY,
    message_key VARCHAR(200) NOT NULL UNIQUE,
    tenant      VARCHAR(64)  NOT NULL,
    recipient   VARCHAR(320) NOT NULL,
    subject     VARCHAR(500) NOT NULL,
    body        TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    sent_at     TIMESTAMPTZ,
    attempts    INTEGER      NOT NULL DEFAULT 0,
    last_error  TEXT
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (id) WHERE sent_at IS NULL;
