-- Bucket4j's token buckets (PostgreSQL proxy manager, select-for-update): one row per limited key, e.g.
-- "tracking|203.0.113.7" or "certificate|<sha-256 of issuer and serial>". The state is Bucket4j's serialized bucket;
-- expires_at (epoch milliseconds) is when a full bucket's row may be deleted.
create table rate_limit_bucket (
    id         varchar(200) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
