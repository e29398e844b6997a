-- Certificate chains of the timeline, kept once per distinct chain instead of once per event. A chain (base64 DER,
-- signer first, about 2 kB) is the same for every event one key signs: an agency's officials sign most events with a
-- few keys, and an asker signs all of his. Repeating it made each timeline row a third larger than it needs to be, and
-- a rebuild wrote that much more. Rows now name their chain by its hash; the evidence reads join it back.
CREATE TABLE timeline_chain (
    -- Hex SHA-256 of the chain's certificates (their base64 text) joined by ',' (DialogueTimelineProjection.chainHash).
    chain_hash         CHAR(64)     PRIMARY KEY,
    certificate_chain  TEXT[]       NOT NULL
);
ALTER TABLE timeline_chain ALTER COLUMN certificate_chain SET STORAGE EXTERNAL;

ALTER TABLE timeline_event ADD COLUMN chain_hash CHAR(64);
INSERT INTO timeline_chain (chain_hash, certificate_chain)
SELECT DISTINCT encode(sha256(convert_to(array_to_string(certificate_chain, ','), 'UTF8')), 'hex'), certificate_chain
FROM timeline_event
ON CONFLICT (chain_hash) DO NOTHING;
UPDATE timeline_event
SET chain_hash = encode(sha256(convert_to(array_to_string(certificate_chain, ','), 'UTF8')), 'hex');
ALTER TABLE timeline_event
    ALTER COLUMN chain_hash SET NOT NULL,
    DROP COLUMN certificate_chain;

-- A timeline row is now about 5 kB (the signed bytes and the CMS signature, which carries the certificates), a chain
-- 2 to 3 kB. Above PostgreSQL's default target of 2 kB each value went to the TOAST table in 2 kB chunks, each a row
-- of its own with an index entry: four or five tuples written per event. Rows up to the page size now stay whole in
-- the table (one tuple, one index entry each); longer ones, such as an ask with a long body, still move their largest
-- values out of line, uncompressed as V106 chose for base64 DER.
ALTER TABLE timeline_event SET (toast_tuple_target = 8160);
ALTER TABLE timeline_chain SET (toast_tuple_target = 8160);
