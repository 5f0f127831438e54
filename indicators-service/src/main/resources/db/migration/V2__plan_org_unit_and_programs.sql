-- The plan an activity was reported against (the unit itself or its nearest ancestor) is kept,
-- so one indicator code defined in two plans never mixes silently. Rows written before this
-- column existed get '' until a rebuild (POST /api/v1/admin/rebuild) re-reads them from the log.
alter table activity add column plan_org_unit varchar(16);

alter table month_value add column plan_org_unit varchar(16) not null default '';
alter table month_value drop constraint month_value_pkey;
-- (indicator, org unit, year) first: the one-indicator query reads a prefix of this key
alter table month_value add primary key (indicator, org_unit, year, month, plan_org_unit);

create table program_def (
    plan_org_unit varchar(16) not null,
    fiscal_year   int         not null,
    program_code  varchar(64) not null,
    program_name  text,
    calendar      text,
    indicators    text,
    deleted       boolean     not null default false,
    primary key (plan_org_unit, fiscal_year, program_code)
);

-- Next offset to read per partition of the activity topic, written in the same transaction as
-- the month values it produced: the database, not Kafka, says where to resume. A rebuild clears
-- it together with the derived tables, so a crash in the middle of a rebuild resumes the rebuild.
create table consumer_offset (
    consumer_group varchar(128) not null,
    topic          varchar(255) not null,
    partition_no   int          not null,
    next_offset    bigint       not null,
    primary key (consumer_group, topic, partition_no)
);
