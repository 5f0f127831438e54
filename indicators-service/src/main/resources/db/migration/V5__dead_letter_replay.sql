-- When an administrator last replayed a record of dif.dead-letter (POST /api/v1/admin/dead-letters/{partition}/{offset}/replay).
create table dead_letter_replay (
    partition_no int not null,
    offset_no bigint not null,
    replayed_at timestamptz not null,
    primary key (partition_no, offset_no)
);
