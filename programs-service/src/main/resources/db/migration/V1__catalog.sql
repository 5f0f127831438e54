-- Org units: nation → state → municipality, keyed by INEGI code.
create table org_unit (
    code        varchar(16) primary key,
    name        varchar(200) not null,
    level       varchar(16)  not null check (level in ('NATIONAL', 'STATE', 'MUNICIPAL')),
    parent_code varchar(16) references org_unit (code),
    updated_at  timestamptz  not null default now()
);

-- One annual work plan (PAT) per org unit and fiscal year. The imported document is kept whole
-- (it reads back exactly as given); the targets are indexed below for validation and events.
create table work_plan (
    id          uuid primary key,
    org_unit    varchar(16) not null references org_unit (code),
    fiscal_year int         not null,
    status      varchar(16) not null default 'DRAFT' check (status in ('DRAFT', 'APPROVED')),
    unit_name   text,
    content     text        not null,
    content_sha varchar(64) not null,
    revision    int         not null default 1,
    created_at  timestamptz not null default now(),
    created_by  varchar(200) not null,
    updated_at  timestamptz not null default now(),
    updated_by  varchar(200) not null,
    unique (org_unit, fiscal_year)
);

create table plan_target (
    plan_id        uuid         not null references work_plan (id) on delete cascade,
    indicator_code varchar(64)  not null,
    program_code   varchar(64)  not null,
    program_name   text,
    action_code    varchar(64),
    action_desc    text,
    unit           varchar(200) not null,
    annual_target  numeric      not null check (annual_target >= 0),
    method         varchar(32)  not null,
    components     text,
    calendar       varchar(64)  not null,
    primary key (plan_id, indicator_code)
);

-- Every change of a plan after its first import: who, when, what; the previous document is kept.
create table work_plan_revision (
    id           bigserial primary key,
    plan_id      uuid        not null references work_plan (id) on delete cascade,
    revision     int         not null,
    changed_at   timestamptz not null default now(),
    changed_by   varchar(200) not null,
    summary      text        not null,
    previous     text,
    status_after varchar(16) not null
);

-- Transactional outbox: catalog events are written with the change and relayed to Kafka after commit.
create table outbox_event (
    id         bigserial primary key,
    topic      varchar(200) not null,
    event_key  varchar(400) not null,
    payload    text         not null,
    created_at timestamptz  not null default now()
);
