-- Accepted activity reports as this service saw them: for idempotent resends, retraction and listing.
-- The note (free text that may mention people) is kept only here, never in Kafka.
create table activity (
    id            uuid primary key,
    indicator     varchar(64)  not null,
    org_unit      varchar(16)  not null,
    plan_org_unit varchar(16)  not null,
    fiscal_year   int          not null,
    activity_date date         not null,
    quantity      numeric      not null check (quantity >= 0),
    note          text,
    status        varchar(16)  not null default 'ACTIVE' check (status in ('ACTIVE', 'RETRACTED')),
    received_at   timestamptz  not null default now(),
    received_by   varchar(200) not null,
    retracted_at  timestamptz,
    retract_reason text
);
create index activity_unit_date on activity (org_unit, activity_date);
create index activity_indicator on activity (indicator, fiscal_year);
