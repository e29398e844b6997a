-- The store's archive time-stamps (ADR 017): an evidence record in the manner of RFC 4998. Each renewal time-stamps
-- the root of a Merkle tree whose leaves are the SHA-256 of the time-stamp tokens no renewal covered yet (signatures'
-- and anchors') and of the previous renewal's token, before an authority's certificate ends; the proof of every token
-- then lasts as long as the last renewal's authority.
CREATE TABLE archive_renewal (
    id                 BIGSERIAL    PRIMARY KEY,
    leaves             INTEGER      NOT NULL,
    root               BYTEA        NOT NULL,
    -- The DER TimeStampToken over SHA-256(root), its genTime, its authority and when that authority's certificate ends.
    token              BYTEA        NOT NULL,
    stamped_at         TIMESTAMPTZ  NOT NULL,
    authority          TEXT         NOT NULL,
    authority_expires  TIMESTAMPTZ  NOT NULL
);

-- What each leaf is: a signature's time-stamp (ref "<dialogue>/<sequence>"), an anchor's (its id) or the previous
-- renewal's (its id), and the SHA-256 of that token's DER encoding.
CREATE TABLE archive_renewal_leaf (
    renewal_id  BIGINT       NOT NULL REFERENCES archive_renewal (id),
    leaf_index  INTEGER      NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    ref         VARCHAR(100) NOT NULL,
    digest      BYTEA        NOT NULL,
    PRIMARY KEY (renewal_id, leaf_index)
);
CREATE INDEX archive_renewal_leaf_ref_idx ON archive_renewal_leaf (kind, ref);
