-- Outcome goals (metas de intervención) from OutcomeGoalChanged events: a ratio numerator / denominator × 100,
-- each side an indicator of the plan or a case metric. Catalog read model like target_def: a rebuild of
-- the derived tables keeps it, the compacted topic restores it from scratch.
create table outcome_goal_def (
    plan_org_unit   varchar(16) not null,
    fiscal_year     int         not null,
    goal_code       varchar(64) not null,
    program_code    varchar(64) not null,
    component       text,
    goal            text,
    num_indicator   varchar(64),
    num_case_metric varchar(40),
    den_indicator   varchar(64),
    den_case_metric varchar(40),
    target_percent  numeric,
    deleted         boolean     not null default false,
    primary key (plan_org_unit, fiscal_year, goal_code)
);
