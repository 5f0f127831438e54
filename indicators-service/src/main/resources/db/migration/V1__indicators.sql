-- Read models built from catalog events (this service never reads programs-service's database).
create table org_unit (
    code   varchar(16) primary key,
    name   text,
    level  varchar(16),
    parent varchar(16)
);

create table target_def (
    plan_org_unit  varchar(16) not null,
    fiscal_year    int         not null,
    indicator_code varchar(64) not null,
    program_code   varchar(64) not null,
    program_name   text,
    action_code    varchar(64),
    action_desc    text,
    unit           text,
    annual_target  numeric     not null,
    method         varchar(32) not null,
    components     text,
    calendar       text        not null,
    deleted        boolean     not null default false,
    primary key (plan_org_unit, fiscal_year, indicator_code)
);

-- Every activity event applied, by id: the idempotency record. A retraction that arrives
-- before its report leaves a tombstone (retracted, no quantity) so the report is never counted.
create table activity (
    id        uuid primary key,
    indicator varchar(64),
    org_unit  varchar(16),
    year      int,
    month     int,
    quantity  numeric,
    retracted boolean not null default false
);

-- v(m): sum and count of the non-retracted reports per indicator, org unit and month.
create table month_value (
    indicator varchar(64) not null,
    org_unit  varchar(16) not null,
    year      int         not null,
    month     int         not null,
    total     numeric     not null,
    reports   bigint      not null,
    primary key (indicator, org_unit, year, month)
);
create index month_value_year on month_value (year, org_unit);
