-- The status read models derive stage, status and due date from the dialogue's lifecycle table (DialogueLifecycle),
-- as the aggregate does: each keeps the stage (finer than the status: a clarification asked in triage or by the
-- department holding a forward) and the recorded deadlines the due date is chosen from. Before, the two derived them
-- each in its own way and disagreed after a provided clarification and after a returned forward.
ALTER TABLE dialogue_summary
    ADD COLUMN stage                VARCHAR(32),
    ADD COLUMN triage_due_at        TIMESTAMPTZ,
    ADD COLUMN forward_due_at       TIMESTAMPTZ,
    ADD COLUMN clarification_due_at TIMESTAMPTZ;
ALTER TABLE inbox_dialogue
    ADD COLUMN stage                VARCHAR(32),
    ADD COLUMN clarification_due_at TIMESTAMPTZ;

-- Rows written before know neither their stage nor all their deadlines: both read models are emptied and their
-- processors' tokens removed, so that they are rebuilt from the event store when the application starts (as
-- "projections rebuild" would). The tokens live in the application's schema (Axon's tokenentry), absent where only
-- the read models are migrated.
TRUNCATE dialogue_summary;
TRUNCATE inbox_party, inbox_dialogue;
DO $$
BEGIN
    IF to_regclass('tokenentry') IS NOT NULL THEN
        DELETE FROM tokenentry WHERE processorname IN ('dialogue-summary', 'party-inbox');
    END IF;
END $$;

ALTER TABLE dialogue_summary ALTER COLUMN stage SET NOT NULL;
ALTER TABLE inbox_dialogue ALTER COLUMN stage SET NOT NULL;
