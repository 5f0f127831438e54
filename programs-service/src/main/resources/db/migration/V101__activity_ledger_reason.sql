-- The ledger column names of the activity design: "reason" for why a report was withdrawn.
alter table activity rename column retract_reason to reason;
-- listings are sorted by activity date; the unit index covers only filters by unit
create index activity_date_idx on activity (activity_date, received_at, id);
