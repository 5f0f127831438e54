-- Issue 13: the ledger (activity) becomes a projection of dif.activities, written after the Kafka commit and, whatever
-- fails there, by the ledger loop (activity/ActivityLedgerLoop) from the topic itself. What a request brings that never
-- goes to Kafka (the note and the retraction reason, free text that may name people, and who sent or withdrew a report)
-- moves to activity_note, written on the request path BEFORE the events are published, so it survives any failure after.
create table activity_note (
    id           uuid primary key,
    note         text,
    received_by  varchar(200), -- null only for a report another system wrote to the topic
    received_at  timestamptz  not null default now(),
    reason       text,
    retracted_by varchar(200)
);
insert into activity_note(id, note, received_by, received_at, reason, retracted_by)
select id, note, received_by, received_at, reason, retracted_by from activity;
alter table activity drop column note, drop column received_by, drop column reason, drop column retracted_by;

-- where the ledger loop resumes (messaging StoredOffsets), committed with the ledger rows it wrote
create table consumer_offset (
    consumer_group varchar(128) not null,
    topic          varchar(255) not null,
    partition_no   int          not null,
    next_offset    bigint       not null,
    primary key (consumer_group, topic, partition_no)
);
