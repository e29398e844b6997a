-- The timeline keeps what an event tells as facts (codes, numbers, deadlines, a shortened reason) instead of a sentence
-- in Vietnamese and one in English: pages make the sentence from the message bundles in the reader's language, so an
-- agency renamed in the configuration is named anew without a rebuild (TimelineFacts, TimelineWords).
ALTER TABLE timeline_event
    DROP COLUMN summary_vi,
    DROP COLUMN summary_en,
    -- The code of the agency the event is about: forwarded to, asking, answering, overdue.
    ADD COLUMN fact_agency          VARCHAR(64),
    ADD COLUMN fact_due_at          TIMESTAMPTZ,
    -- The deadline an extension replaced.
    ADD COLUMN fact_previous_due_at TIMESTAMPTZ,
    -- The forward's number, the escalation's level or the rating.
    ADD COLUMN fact_number          INTEGER,
    -- A rejection or close reason, an escalation step: the enum's name.
    ADD COLUMN fact_code            VARCHAR(64),
    -- Which of the event's sentences applies (confidential, onTime, late, redacted, level1, level2).
    ADD COLUMN fact_variant         VARCHAR(32),
    -- The tracking code the asker was given.
    ADD COLUMN fact_reference       VARCHAR(128),
    -- The actor's reason on one line, at most 200 characters.
    ADD COLUMN fact_reason          TEXT;

-- Rows written before have no facts: the timeline is emptied and its processor's token and dead letters removed, so
-- that it is rebuilt from the event store when the application starts (as "projections rebuild" would). Token and
-- dead letters live in the application's schema, absent where only the read models are migrated.
TRUNCATE timeline_event, timeline_chain;
DO $$
BEGIN
    IF to_regclass('tokenentry') IS NOT NULL THEN
        DELETE FROM tokenentry WHERE processorname = 'dialogue-timeline';
    END IF;
    IF to_regclass('deadletterentry') IS NOT NULL THEN
        DELETE FROM deadletterentry WHERE processinggroup = 'dialogue-timeline';
    END IF;
END $$;
