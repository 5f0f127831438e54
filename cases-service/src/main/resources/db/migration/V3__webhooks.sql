-- Webhooks for integrators (agencies' systems): subscriptions and their delivery log.
-- Bodies carry no personal data: referral ids, folios, statuses, agencies, units and indicator values.

create table webhook_subscription (
    id                   uuid primary key,
    -- the integrator's agency (token claim "agency"); not a foreign key: an agency's system may
    -- subscribe to indicator updates before the directory lists it
    agency_id            varchar(60) not null,
    url                  text        not null,
    -- HMAC-SHA256 key (32 random bytes, base64url); shown to the integrator only on creation and rotation
    secret               text        not null,
    events               text[]      not null,
    -- filters for indicator.updated; empty = every unit / every indicator
    org_units            text[]      not null default '{}',
    indicators           text[]      not null default '{}',
    consecutive_failures int         not null default 0,
    created_at           timestamptz not null default now(),
    created_by           text        not null,
    secret_rotated_at    timestamptz
);
create index webhook_subscription_agency on webhook_subscription (agency_id);

create table webhook_delivery (
    id               uuid primary key,
    subscription_id  uuid         not null references webhook_subscription (id) on delete cascade,
    event_type       varchar(40)  not null,
    event_id         varchar(100) not null,
    -- the exact JSON body sent on every attempt (signed anew with a fresh timestamp each time)
    payload          text         not null,
    state            varchar(10)  not null,
    -- attempts ever made, and attempts of the current round (the backoff schedule; a manual retry starts a new round)
    attempts         int          not null default 0,
    round_attempts   int          not null default 0,
    manual_retries   int          not null default 0,
    last_status_code int,
    last_error       varchar(200),
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    created_at       timestamptz  not null default now(),
    delivered_at     timestamptz,
    -- a redelivered Kafka record (same event id) never makes a second delivery
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at desc);
