-- A target's monthly schedule (TargetChanged.schedule): 12 comma-separated quantities, January to December; null when none.
alter table plan_target add column schedule text;
