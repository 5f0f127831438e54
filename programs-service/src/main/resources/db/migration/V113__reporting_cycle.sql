-- Why a change was made to the plan of a closed fiscal year (every month of the plan's unit accepted): the amendment.
alter table work_plan_revision add column amendment text;

-- The reporting cycle: the current status of each month a unit submitted (data approval) ...
create table reporting_month (
    org_unit   varchar(16)  not null references org_unit (code),
    month      char(7)      not null,
    status     varchar(16)  not null check (status in ('SUBMITTED', 'ACCEPTED', 'RETURNED', 'REOPENED')),
    updated_at timestamptz  not null,
    updated_by varchar(200) not null,
    primary key (org_unit, month)
);

-- ... and every step of it: who, when, the status it led to and the reason given (reasons never leave this service).
create table reporting_month_step (
    id         bigserial primary key,
    org_unit   varchar(16)  not null,
    month      char(7)      not null,
    status     varchar(16)  not null,
    at         timestamptz  not null,
    by_user    varchar(200) not null,
    reason     text
);
create index reporting_month_step_month on reporting_month_step (org_unit, month, id);
