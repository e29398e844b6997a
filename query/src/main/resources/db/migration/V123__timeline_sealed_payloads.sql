-- A confidential dialogue's events keep no signed payload, only its SHA-256 (ADR 018): the payload itself is stored
-- encrypted by the application (confidential_content) and opened for the parties when a page is read.
ALTER TABLE timeline_event
    ALTER COLUMN signed_payload DROP NOT NULL,
    ADD COLUMN payload_sha256 CHAR(64);
