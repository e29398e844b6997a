-- A certificate's serial number is shown as uppercase hex; RFC 5280 allows 20 octets (40 digits), but the parser
-- accepts any length and a longer serial must not stop the timeline projection for every dialogue.
ALTER TABLE timeline_event ALTER COLUMN signer_serial TYPE TEXT;
