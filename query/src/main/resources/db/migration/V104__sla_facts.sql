-- Read model owned by SlaFactsProjection (processing group sla-facts): one fact per handling step, the data behind
-- the management reports. A step is the moderator's triage (forward_number 0) or one forward to a department.
-- Facts are taken from the events only (due dates were decided when the events happened); working days come from the
-- working-day calendar given to the projection, so a changed calendar needs a rebuild (replay) to apply to history.

-- Per dialogue, what the next event needs to find its step; not a report table.
CREATE TABLE sla_dialogue (
    dialogue_id            UUID         PRIMARY KEY,
    tenant                 VARCHAR(64)  NOT NULL,
    moderator_agency       VARCHAR(64)  NOT NULL,
    -- The triage deadline in force (from DialogueAsked, renewed by DialogueReopened; a return keeps it).
    triage_due_at          TIMESTAMPTZ  NOT NULL,
    -- The current triage round: 1 when asked, one more after each return and each reopening.
    triage_round           INTEGER      NOT NULL,
    open_forward           INTEGER,
    -- The step answered last, which a rating is about.
    answered_forward       INTEGER,
    answered_round         INTEGER,
    -- The sequence number of the last event applied: replays and retries never apply an event twice.
    last_sequence          BIGINT       NOT NULL
);

CREATE TABLE sla_step (
    dialogue_id            UUID         NOT NULL,
    -- 0 = triage by the moderator; 1, 2, ... = the forward of that number.
    forward_number         INTEGER      NOT NULL,
    -- Triage: the triage round (see sla_dialogue); forwards: 0 (the forward number alone identifies them).
    round                  INTEGER      NOT NULL,
    tenant                 VARCHAR(64)  NOT NULL,
    agency                 VARCHAR(64)  NOT NULL,
    -- How the step reached the agency: ASKED, REOPENED, RETURNED (triage) or FORWARDED.
    arrival                VARCHAR(16)  NOT NULL CHECK (arrival IN ('ASKED', 'REOPENED', 'RETURNED', 'FORWARDED')),
    received_at            TIMESTAMPTZ  NOT NULL,
    original_due_at        TIMESTAMPTZ  NOT NULL,
    due_at                 TIMESTAMPTZ  NOT NULL,
    extensions             INTEGER      NOT NULL DEFAULT 0,
    acknowledged_at        TIMESTAMPTZ,
    answered_at            TIMESTAMPTZ,
    returned_at            TIMESTAMPTZ,
    return_reason          TEXT,
    -- When and how the step ended: ANSWERED, FORWARDED (triage), RETURNED (forward), REJECTED, CLOSED.
    ended_at               TIMESTAMPTZ,
    outcome                VARCHAR(16)  CHECK (outcome IN ('ANSWERED', 'FORWARDED', 'RETURNED', 'REJECTED', 'CLOSED')),
    escalations            INTEGER      NOT NULL DEFAULT 0,
    max_escalation_level   INTEGER      NOT NULL DEFAULT 0,
    -- Working days from the received date to the answer date (Vietnam dates; the received day itself not counted).
    working_days           INTEGER,
    on_time                BOOLEAN      GENERATED ALWAYS AS (answered_at <= due_at) STORED,
    -- The asker's rating of this step's answer.
    rating                 INTEGER      CHECK (rating BETWEEN 1 AND 5),
    PRIMARY KEY (dialogue_id, forward_number, round)
);
CREATE INDEX sla_step_agency_received_idx ON sla_step (tenant, agency, received_at);
CREATE INDEX sla_step_received_idx ON sla_step (tenant, received_at);
