-- Read model owned by PublishedDialogueProjection (processing group published-dialogue): the public portal's Q&A.
-- Public data only: no asker name, id number or business name, only whether a business or a citizen asked.

-- Full-text search with and without Vietnamese diacritics ("thue" finds "thuế" and the reverse). unaccent is a
-- trusted extension (the database owner may create it). It is STABLE because its dictionary could change; the wrapper
-- pins the dictionary and schema so it can be IMMUTABLE and serve generated columns and indexes, including under the
-- restricted search_path that PostgreSQL 17 uses for maintenance.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent', $1) $$;

-- What the portal must know before anything is published: whether the dialogue is confidential (then it is never
-- published, whatever arrives later) and the asker's kind. Written only by DialogueAsked.
CREATE TABLE portal_dialogue (
    dialogue_id   UUID         PRIMARY KEY,
    tenant        VARCHAR(64)  NOT NULL,
    confidential  BOOLEAN      NOT NULL,
    asker_kind    VARCHAR(16)  NOT NULL CHECK (asker_kind IN ('BUSINESS', 'CITIZEN'))
);

-- The published Q&A, written only by AnswerPublished; a later publication (after a reopened dialogue was answered
-- again) replaces the row.
CREATE TABLE published_dialogue (
    dialogue_id       UUID         PRIMARY KEY,
    tenant            VARCHAR(64)  NOT NULL,
    topic             VARCHAR(100) NOT NULL,
    subject           TEXT         NOT NULL,
    question          TEXT         NOT NULL,
    answer            TEXT         NOT NULL,
    answering_agency  VARCHAR(64)  NOT NULL,
    asker_kind        VARCHAR(16)  NOT NULL CHECK (asker_kind IN ('BUSINESS', 'CITIZEN')),
    answered_at       TIMESTAMPTZ  NOT NULL,
    published_at      TIMESTAMPTZ  NOT NULL,
    -- Unaccented lower-case text, for the substring fallback of short search terms.
    search_text       TEXT         GENERATED ALWAYS AS (
                          f_unaccent(lower(subject || ' ' || question || ' ' || answer))) STORED,
    -- Unaccented lower-case words ('simple': no stemming, no stop words), the subject weighted above the question
    -- and the question above the answer.
    search_vector     TSVECTOR     GENERATED ALWAYS AS (
                          setweight(to_tsvector('simple', f_unaccent(lower(subject))), 'A')
                          || setweight(to_tsvector('simple', f_unaccent(lower(question))), 'B')
                          || setweight(to_tsvector('simple', f_unaccent(lower(answer))), 'C')) STORED,
    -- The sequence number of the publication shown: an older or repeated one never overwrites it.
    last_sequence     BIGINT       NOT NULL
);
CREATE INDEX published_dialogue_search_idx ON published_dialogue USING gin (search_vector);
CREATE INDEX published_dialogue_tenant_answered_idx ON published_dialogue (tenant, answered_at DESC);
CREATE INDEX published_dialogue_tenant_published_idx ON published_dialogue (tenant, published_at DESC);
