-- When each report was received (the CloudEvent time of its ActivityReported event): "on time" in the completeness
-- answer compares it with the month's deadline. Rows applied before this column existed stay null (not on time) until
-- a rebuild (POST /api/v1/admin/rebuild) re-reads them from the log.
alter table activity add column received_at timestamptz;
-- the completeness of a month reads the reports of a set of units in that month
create index activity_month on activity (year, month, org_unit);

-- The latest status of each unit's month in the reporting cycle, from the compacted dif.reporting.months
-- (ReportingMonthChanged; last event wins). A read model like the catalog's: a rebuild keeps it.
create table reporting_month (
    org_unit   varchar(16) not null,
    year       int         not null,
    month      int         not null,
    status     varchar(16) not null,
    changed_at timestamptz,
    primary key (org_unit, year, month)
);

-- One ReportingOverdue per unit and month, ever: the row is written first (with the event id it will carry), then the
-- event is sent and sent_at set once the broker acknowledged it. A row without sent_at (a crash in between) is sent
-- again with the same event id, so consumers see one event.
create table reporting_overdue (
    org_unit         varchar(16) not null,
    year             int         not null,
    month            int         not null,
    event_id         uuid        not null,
    deadline         date        not null,
    targets_due      int         not null,
    targets_reported int         not null,
    recorded_at      timestamptz not null,
    sent_at          timestamptz,
    primary key (org_unit, year, month)
);
