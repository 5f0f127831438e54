-- A target may be counted from case events instead of activity reports (TargetChanged.caseMetric).
alter table plan_target add column case_metric varchar(64);
