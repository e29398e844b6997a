-- The signed receipts handed to senders, kept so that an asker can fetch them again later ("my dialogues").
-- Written in the transaction that stores the event the receipt names; never changed.
create table receipt (
    dialogue_id   uuid        not null,
    sequence      bigint      not null,
    tenant        text        not null,
    command_type  text        not null,
    received_at   timestamptz not null,
    payload       bytea       not null,
    signature     bytea       not null,
    primary key (dialogue_id, sequence)
);
