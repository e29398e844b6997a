-- The chain heads anchored (ADR 017): every EDIALOG_ANCHOR_INTERVAL the events stored since the last anchor become the
-- leaves of a Merkle tree (RFC 9162, leaf = the event's chain hash) whose root is time-stamped, so that one token proves
-- that each of those events, and with it the head of every dialogue it changed, existed at that time.
CREATE TABLE chain_anchor (
    id          BIGSERIAL    PRIMARY KEY,
    leaves      INTEGER      NOT NULL,
    root        BYTEA        NOT NULL,
    -- The DER TimeStampToken over SHA-256(root), its genTime and its authority.
    token       BYTEA        NOT NULL,
    stamped_at  TIMESTAMPTZ  NOT NULL,
    authority   TEXT         NOT NULL
);

-- Which event is which leaf of which anchor: each event is anchored once. An event whose global index was taken before
-- an anchor but committed after it is a leaf of the next one.
CREATE TABLE chain_anchor_leaf (
    global_index  BIGINT   PRIMARY KEY,
    anchor_id     BIGINT   NOT NULL REFERENCES chain_anchor (id),
    leaf_index    INTEGER  NOT NULL,
    UNIQUE (anchor_id, leaf_index)
);
