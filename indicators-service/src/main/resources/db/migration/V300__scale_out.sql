-- Several instances of indicators-service share this database (issue 14).

-- Every instance reads the whole catalog with a group of its own and writes the same tables: a row keeps the offset
-- of the event it came from (one key always lands on one partition), and an instance that is behind never writes an
-- older state over a newer one.
alter table org_unit add column source_offset bigint not null default -1;
alter table target_def add column source_offset bigint not null default -1;
alter table program_def add column source_offset bigint not null default -1;
alter table outcome_goal_def add column source_offset bigint not null default -1;

-- The rebuild of the aggregates, one for the whole service: the instance that is asked clears the derived tables,
-- forgets the activity group's offsets and moves the generation in one transaction; every batch of every instance
-- reads the generation first (for share), so none writes across it. Done when each partition in rebuild_partition
-- is applied up to its end_offset (the offset after its last record when the rebuild was asked).
create table rebuild_state (
    id          int         primary key check (id = 1),
    generation  bigint      not null,
    state       varchar(16) not null,
    started_at  timestamptz,
    finished_at timestamptz
);
insert into rebuild_state(id, generation, state) values (1, 0, 'NONE');

create table rebuild_partition (
    topic        varchar(255) not null,
    partition_no int          not null,
    end_offset   bigint       not null,
    primary key (topic, partition_no)
);
