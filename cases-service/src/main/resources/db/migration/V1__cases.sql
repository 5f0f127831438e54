-- cases-service owns beneficiaries, cases and referrals. Personal data lives only here.

-- read models built from catalog events (programs-service owns the originals)
create table org_unit (
    code   varchar(10) primary key,
    name   text        not null,
    level  varchar(16),
    parent varchar(10)
);

create table program_catalog (
    org_unit    varchar(10) not null,
    fiscal_year int         not null,
    code        varchar(40) not null,
    name        text,
    deleted     boolean     not null default false,
    primary key (org_unit, fiscal_year, code)
);

create table beneficiary (
    id               uuid primary key,
    org_unit         varchar(10)  not null,
    curp             varchar(18),
    first_name       text         not null,
    last_name        text         not null,
    second_last_name text,
    name_key         text         not null,
    birth_date       date,
    sex              char(1),
    locality         text,
    municipality     varchar(10),
    address          text,
    phone            text,
    guardian_id      uuid references beneficiary (id),
    household        text,
    -- sensitive categories (health, pregnancy, substance use, delinquency, violence): tagged, kept apart
    sensitive        jsonb        not null default '{}'::jsonb,
    merged_into      uuid references beneficiary (id),
    created_at       timestamptz  not null default now(),
    created_by       text         not null,
    updated_at       timestamptz  not null default now(),
    version          int          not null default 0
);
create unique index beneficiary_curp_active on beneficiary (curp) where curp is not null and merged_into is null;
create index beneficiary_name_birth on beneficiary (name_key, birth_date) where merged_into is null;
create index beneficiary_org_unit on beneficiary (org_unit);

create table beneficiary_history (
    id             bigserial primary key,
    beneficiary_id uuid        not null references beneficiary (id),
    at             timestamptz not null default now(),
    actor          text        not null,
    action         varchar(32) not null,
    detail         text
);

create table folio_counter (
    org_unit varchar(10) not null,
    year     int         not null,
    kind     varchar(8)  not null,
    last     int         not null,
    primary key (org_unit, year, kind)
);

create table support_case (
    id                  uuid primary key,
    folio               varchar(40)  not null unique,
    ref                 varchar(64)  not null unique,
    org_unit            varchar(10)  not null,
    beneficiary_id      uuid         not null references beneficiary (id),
    origin              varchar(20)  not null,
    category            varchar(20)  not null,
    priority            varchar(10)  not null,
    request             text         not null,
    prior_investigation text,
    status              varchar(20)  not null,
    assigned_worker     text,
    received_on         date         not null,
    created_at          timestamptz  not null default now(),
    created_by          text         not null,
    updated_at          timestamptz  not null default now(),
    version             int          not null default 0
);
create index support_case_org_status on support_case (org_unit, status);
create index support_case_received on support_case (org_unit, received_on);

create table case_transition (
    id          bigserial primary key,
    case_id     uuid        not null references support_case (id),
    from_status varchar(20),
    to_status   varchar(20) not null,
    at          timestamptz not null default now(),
    actor       text        not null,
    reason      text
);
create index case_transition_case on case_transition (case_id, id);

create table enrollment (
    id           uuid primary key,
    case_id      uuid        not null references support_case (id),
    org_unit     varchar(10) not null,
    fiscal_year  int         not null,
    program_code varchar(40) not null,
    enrolled_on  date        not null,
    actor        text        not null,
    unique (case_id, fiscal_year, program_code)
);

create table intervention (
    id         uuid primary key,
    case_id    uuid        not null references support_case (id),
    type       varchar(30) not null,
    done_on    date        not null,
    done_by    text        not null,
    outcome    text,
    created_at timestamptz not null default now(),
    actor      text        not null
);

-- agency directory, after Open Referral HSDS: organization → services, contact, last verified
create table agency (
    id            varchar(60) primary key,
    name          text        not null,
    kind          varchar(10) not null,
    description   text,
    phone         text,
    email         text,
    address       text,
    on_platform   boolean     not null default false,
    last_verified date,
    updated_at    timestamptz not null default now()
);

create table agency_service (
    id                 uuid primary key,
    agency_id          varchar(60) not null references agency (id) on delete cascade,
    name               text        not null,
    description        text,
    eligibility        text,
    min_age            int,
    max_age            int,
    fees               text,
    required_documents text[]      not null default '{}',
    service_area       text[]      not null default '{}',
    unique (agency_id, name)
);

create table consent (
    id             uuid primary key,
    case_id        uuid        not null references support_case (id),
    purpose        varchar(20) not null,
    agency_id      varchar(60) references agency (id),
    given_by       varchar(10) not null,
    guardian_id    uuid references beneficiary (id),
    given_on       date        not null,
    recorded_at    timestamptz not null default now(),
    actor          text        not null,
    revoked_at     timestamptz,
    revoked_reason text
);

create table approval (
    id           uuid primary key,
    kind         varchar(20) not null,
    case_id      uuid        not null references support_case (id),
    referral_id  uuid,
    org_unit     varchar(10) not null,
    reason       text        not null,
    status       varchar(10) not null,
    requested_by text        not null,
    requested_at timestamptz not null default now(),
    decided_by   text,
    decided_at   timestamptz,
    comment      text
);
create index approval_org_status on approval (org_unit, status);

create table referral (
    id                 uuid primary key,
    ref                varchar(64) not null unique,
    case_id            uuid        not null references support_case (id),
    org_unit           varchar(10) not null,
    agency_id          varchar(60) not null references agency (id),
    service_id         uuid references agency_service (id),
    request            text        not null,
    status             varchar(20) not null,
    consent_id         uuid references consent (id),
    approval_id        uuid references approval (id),
    share_curp         boolean     not null default false,
    share_address      boolean     not null default false,
    letter_folio       varchar(40) unique,
    letter_issued_on   date,
    letter_pdf         bytea,
    outcome            varchar(20),
    outcome_detail     text,
    created_at         timestamptz not null default now(),
    created_by         text        not null,
    updated_at         timestamptz not null default now(),
    version            int         not null default 0
);
create index referral_agency on referral (agency_id, status);
create index referral_case on referral (case_id);

create table referral_transition (
    id          bigserial primary key,
    referral_id uuid        not null references referral (id),
    from_status varchar(20),
    to_status   varchar(20) not null,
    at          timestamptz not null default now(),
    actor       text        not null,
    reason      text
);

create table follow_up_request (
    id            uuid primary key,
    case_id       uuid        not null references support_case (id),
    org_unit      varchar(10) not null,
    office        text        not null,
    petition_ref  text,
    requested_on  date        not null,
    due_on        date        not null,
    assigned_to   text,
    status        varchar(12) not null,
    delivered_on  date,
    delivered_by  text,
    report_folio  varchar(40),
    report_pdf    bytea,
    created_at    timestamptz not null default now(),
    actor         text        not null
);
create index follow_up_due on follow_up_request (org_unit, status, due_on);

create table monthly_report_delivery (
    org_unit     varchar(10) not null,
    month        varchar(7)  not null,
    delivered_on date        not null,
    on_time      boolean     not null,
    actor        text        not null,
    primary key (org_unit, month)
);

-- who read or changed a person's or a case's data, when, and from where
create table audit_entry (
    id            bigserial primary key,
    at            timestamptz not null default now(),
    actor         text        not null,
    action        varchar(10) not null,
    resource_type varchar(30) not null,
    resource_id   text,
    method        varchar(8)  not null,
    path          text        not null,
    status        int         not null,
    source_ip     text,
    request_id    text
);
create index audit_resource on audit_entry (resource_type, resource_id);
create index audit_at on audit_entry (at);

-- events written in the same transaction as the change, relayed to Kafka after commit
create table outbox_event (
    id        bigserial primary key,
    topic     text not null,
    event_key text not null,
    payload   text not null
);
