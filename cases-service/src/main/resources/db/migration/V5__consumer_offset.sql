-- Where each consumer loop resumes (messaging module's EventLoop): written in the same transaction as the
-- read models the events produced, so a crash between the database commit and Kafka's commit replays nothing twice.
create table consumer_offset (
    consumer_group varchar(128) not null,
    topic          varchar(255) not null,
    partition_no   int          not null,
    next_offset    bigint       not null,
    primary key (consumer_group, topic, partition_no)
);
