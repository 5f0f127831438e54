-- v(m) of a whole year in one row per (indicator, org unit, year): the 12 months' totals and report counts, summed over
-- the plan units, kept by the activity applier in the same transaction as month_value (the same deltas, added month by
-- month, so it always equals month_value grouped by indicator, org unit and year). Reads of every indicator of a
-- subtree (the closing report) take 12× fewer rows and no grouping. Derived like month_value: a rebuild clears it too.
create table year_value (
    indicator varchar(64) not null,
    org_unit  varchar(16) not null,
    year      int         not null,
    totals    numeric[]   not null check (cardinality(totals) = 12),
    reports   bigint[]    not null check (cardinality(reports) = 12),
    primary key (indicator, org_unit, year)
) with (fillfactor = 50);
create index year_value_year on year_value (year, org_unit);
-- Both tables are updated in place by every batch (no indexed column changes): room left on each page lets PostgreSQL
-- update a row on its own page without touching the indexes (HOT), which roughly halves the cost of a batch's upserts.
-- month_value's existing pages keep theirs until a rebuild (truncate) refills it.
alter table month_value set (fillfactor = 50);

insert into year_value(indicator, org_unit, year, totals, reports)
select k.indicator, k.org_unit, k.year, array_agg(coalesce(m.total, 0) order by g.month),
       array_agg(coalesce(m.reports, 0) order by g.month)
from (select distinct indicator, org_unit, year from month_value) k
cross join generate_series(1, 12) as g(month)
left join (select indicator, org_unit, year, month, sum(total) as total, sum(reports)::bigint as reports
           from month_value group by indicator, org_unit, year, month) m
  on m.indicator = k.indicator and m.org_unit = k.org_unit and m.year = k.year and m.month = g.month
group by k.indicator, k.org_unit, k.year;
