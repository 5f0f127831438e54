-- A target's monthly schedule (TargetChanged.schedule): 12 quantities January..December, or null for the even spread over
-- its calendar. "Expected" follows it when it is set (domain Expectation).
alter table target_def add column schedule numeric[];
