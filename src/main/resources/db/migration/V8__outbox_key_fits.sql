-- A mail's key is "<event id>:<recipient>" (or "reminder:<dialogue>:<step>:<due>:<recipient>"), and an asker's contact
-- address may have 320 characters: a varchar(200) key made the notifications processor fail on such an address,
-- stopping every province's mail. Keys must stay whole (they make a replay send nothing twice), so the column is text.
ALTER TABLE mail_outbox ALTER COLUMN message_key TYPE TEXT;
