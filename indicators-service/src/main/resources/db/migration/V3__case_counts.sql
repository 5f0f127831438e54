-- A target may be counted from case events instead of activity reports (TargetChanged.caseMetric).
alter table target_def add column case_metric varchar(64);

-- Every counted case event applied, by its CloudEvent id: the idempotency record. Only what the
-- counts need is kept (no case reference, no person).
create table case_event (
    id       text primary key,
    org_unit varchar(16) not null,
    change   varchar(40) not null,
    year     int         not null,
    month    int         not null,
    on_time  boolean     not null
);

-- Case counts per metric (domain CaseMetric), org unit and month of the event's business date.
create table case_count (
    metric   varchar(40) not null,
    org_unit varchar(16) not null,
    year     int         not null,
    month    int         not null,
    count    bigint      not null,
    primary key (metric, org_unit, year, month)
);
create index case_count_year on case_count (year, org_unit);
