-- PublishedDialogueProjection (processing group published-dialogue): redacted publications and withdrawals.
-- A redacted row shows the moderator's signed texts; the public timeline then offers only the publication itself.
ALTER TABLE published_dialogue ADD COLUMN redacted BOOLEAN NOT NULL DEFAULT FALSE;
-- The sequence of the latest PublicationWithdrawn: a publication at or before it is never shown again.
ALTER TABLE portal_dialogue ADD COLUMN withdrawn_sequence BIGINT;
