package mx.gob.dif.indicators.messaging;

import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.ActivityRetracted;
import mx.gob.dif.messaging.Refused;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Applies one polled batch of activity events in one transaction, exactly once in effect:
 * the activity table remembers every id, and only rows that are new (or newly retracted) change
 * the month values, pre-aggregated per key and upserted in key order (no deadlocks, one statement),
 * and the same deltas, gathered per (indicator, org unit, year), are added to that year's row of year_value.
 */
public final class ActivityApplier {
    /** Column widths of activity and month_value (V1, V2). */
    private static final int INDICATOR = 64;
    private static final int UNIT = 16;

    /** (indicator, org unit, year, month, plan org unit) — the key of month_value, in its sort order. */
    public record Key(String indicator, String orgUnit, int year, int month, String planOrgUnit) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = indicator.compareTo(o.indicator);
            if (c == 0) {
                c = orgUnit.compareTo(o.orgUnit);
            }
            if (c == 0) {
                c = Integer.compare(year, o.year);
            }
            if (c == 0) {
                c = Integer.compare(month, o.month);
            }
            return c == 0 ? planOrgUnit.compareTo(o.planOrgUnit) : c;
        }
    }

    /** A parsed activity event: a report (quantity set, received when its event says) or a retraction (quantity null). */
    public record Activity(UUID id, String indicator, String orgUnit, String planOrgUnit, LocalDate date, BigDecimal quantity,
                           OffsetDateTime receivedAt) {
        boolean retraction() {
            return quantity == null;
        }
    }

    private record Delta(BigDecimal total, long reports) {
        Delta plus(Delta o) {
            return new Delta(total.add(o.total), reports + o.reports);
        }
    }

    private ActivityApplier() {
    }

    /**
     * A report as this service aggregates it; refused when a field the aggregates need is missing,
     * negative or longer than its column (activity, month_value: indicator 64, units 16).
     */
    public static Activity reported(ActivityReported a, OffsetDateTime receivedAt) throws Refused {
        UUID id = id(a.activityId());
        String unit = Refused.required("orgUnit", a.orgUnit(), UNIT);
        String indicator = Refused.required("indicator", a.indicator(), INDICATOR);
        String plan = Refused.fits("planOrgUnit", a.planOrgUnit(), UNIT);
        if (a.date() == null) {
            throw new Refused("missing date");
        }
        if (a.quantity() == null || a.quantity().signum() < 0) {
            throw new Refused("quantity must be a non-negative number");
        }
        return new Activity(id, indicator, unit, plan == null || plan.isBlank() ? unit : plan, a.date(), a.quantity(), receivedAt);
    }

    /** A retraction: only the id is required; indicator and unit name the tombstone of a report not seen yet. */
    public static Activity retracted(ActivityRetracted r) throws Refused {
        return new Activity(id(r.activityId()), Refused.fits("indicator", r.indicator(), INDICATOR),
                Refused.fits("orgUnit", r.orgUnit(), UNIT), null, null, null, null);
    }

    private static UUID id(String activityId) throws Refused {
        Refused.required("activityId", activityId, 36);
        try {
            return UUID.fromString(activityId);
        } catch (IllegalArgumentException e) {
            throw new Refused("activityId is not a UUID");
        }
    }

    /** @return the month-value keys that changed (empty when the whole batch was already applied) */
    public static List<Key> apply(Connection c, List<Activity> events) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        List<String> indicators = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<String> plans = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<Integer> months = new ArrayList<>();
        List<BigDecimal> quantities = new ArrayList<>();
        List<String> received = new ArrayList<>(); // ISO-8601 text, cast by PostgreSQL
        List<UUID> retracted = new ArrayList<>();
        List<String> retractedIndicators = new ArrayList<>();
        List<String> retractedUnits = new ArrayList<>();
        for (Activity a : events) {
            if (a.retraction()) {
                retracted.add(a.id());
                retractedIndicators.add(a.indicator());
                retractedUnits.add(a.orgUnit());
            } else {
                ids.add(a.id());
                indicators.add(a.indicator());
                units.add(a.orgUnit());
                plans.add(a.planOrgUnit());
                years.add(a.date().getYear());
                months.add(a.date().getMonthValue());
                quantities.add(a.quantity());
                received.add(a.receivedAt() == null ? null : a.receivedAt().toString());
            }
        }
        TreeMap<Key, Delta> deltas = new TreeMap<>();
        if (!ids.isEmpty()) {
            // a batch may carry the same id twice (a resend): one row per id; RETURNING gives only the new ones
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into activity(id, indicator, org_unit, plan_org_unit, year, month, quantity, received_at)
                    select distinct on (u.id) u.* from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::numeric[],
                      ?::timestamptz[]) as u(id, indicator, org_unit, plan_org_unit, year, month, quantity, received_at)
                    on conflict (id) do nothing
                    returning indicator, org_unit, year, month, plan_org_unit, quantity""")) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                ps.setArray(2, c.createArrayOf("text", indicators.toArray()));
                ps.setArray(3, c.createArrayOf("text", units.toArray()));
                ps.setArray(4, c.createArrayOf("text", plans.toArray()));
                ps.setArray(5, c.createArrayOf("int4", years.toArray()));
                ps.setArray(6, c.createArrayOf("int4", months.toArray()));
                ps.setArray(7, c.createArrayOf("numeric", quantities.toArray()));
                ps.setArray(8, c.createArrayOf("text", received.toArray()));
                collect(ps, deltas, false);
            }
        }
        if (!retracted.isEmpty()) {
            Array arr = c.createArrayOf("uuid", retracted.toArray());
            // reports applied earlier (or earlier in this batch) stop counting; a second retraction finds nothing
            try (PreparedStatement ps = c.prepareStatement("""
                    update activity set retracted = true where id = any(?) and not retracted and quantity is not null
                    returning indicator, org_unit, year, month, plan_org_unit, quantity""")) {
                ps.setArray(1, arr);
                collect(ps, deltas, true);
            }
            // retraction of a report not seen yet: a tombstone, so the report is never counted when it arrives
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into activity(id, indicator, org_unit, retracted)
                    select u.id, u.indicator, u.org_unit, true from unnest(?::uuid[], ?::text[], ?::text[]) as u(id, indicator, org_unit)
                    on conflict (id) do nothing""")) {
                ps.setArray(1, arr);
                ps.setArray(2, c.createArrayOf("text", retractedIndicators.toArray()));
                ps.setArray(3, c.createArrayOf("text", retractedUnits.toArray()));
                ps.executeUpdate();
            }
        }
        deltas.values().removeIf(d -> d.reports() == 0 && d.total().signum() == 0);
        if (!deltas.isEmpty()) {
            upsert(c, deltas);
            upsertYears(c, deltas);
        }
        return new ArrayList<>(deltas.keySet());
    }

    private static void collect(PreparedStatement ps, TreeMap<Key, Delta> deltas, boolean negate) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String plan = rs.getString(5);
                Key k = new Key(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), plan == null ? "" : plan);
                BigDecimal q = rs.getBigDecimal(6);
                deltas.merge(k, negate ? new Delta(q.negate(), -1) : new Delta(q, 1), Delta::plus);
            }
        }
    }

    /** One prepared statement for the whole batch: each key once, in key order. */
    private static void upsert(Connection c, TreeMap<Key, Delta> deltas) throws SQLException {
        int n = deltas.size();
        String[] ki = new String[n];
        String[] ku = new String[n];
        String[] kp = new String[n];
        Integer[] ky = new Integer[n];
        Integer[] km = new Integer[n];
        BigDecimal[] kt = new BigDecimal[n];
        Long[] kr = new Long[n];
        int i = 0;
        for (Map.Entry<Key, Delta> e : deltas.entrySet()) {
            ki[i] = e.getKey().indicator();
            ku[i] = e.getKey().orgUnit();
            kp[i] = e.getKey().planOrgUnit();
            ky[i] = e.getKey().year();
            km[i] = e.getKey().month();
            kt[i] = e.getValue().total();
            kr[i] = e.getValue().reports();
            i++;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into month_value(indicator, org_unit, year, month, plan_org_unit, total, reports)
                select * from unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::text[], ?::numeric[], ?::bigint[])
                on conflict (indicator, org_unit, year, month, plan_org_unit) do update
                  set total = month_value.total + excluded.total, reports = month_value.reports + excluded.reports""")) {
            ps.setArray(1, c.createArrayOf("text", ki));
            ps.setArray(2, c.createArrayOf("text", ku));
            ps.setArray(3, c.createArrayOf("int4", ky));
            ps.setArray(4, c.createArrayOf("int4", km));
            ps.setArray(5, c.createArrayOf("text", kp));
            ps.setArray(6, c.createArrayOf("numeric", kt));
            ps.setArray(7, c.createArrayOf("int8", kr));
            ps.executeUpdate();
        }
    }

    /**
     * The batch's deltas added month by month to year_value (V301), one row per (indicator, org unit, year) with its 12
     * months, so it stays month_value summed over the plan units. Adding deltas, as the month upsert does, commutes with
     * a concurrent batch on the same key (a refresh from month_value would not see that batch's uncommitted months).
     * The arrays travel as array literals, one per key: one statement, no grouping in the database.
     */
    private static void upsertYears(Connection c, TreeMap<Key, Delta> deltas) throws SQLException {
        YearRows rows = new YearRows();
        BigDecimal[] t = new BigDecimal[12];
        long[] r = new long[12];
        Key year = null;
        // the month keys are sorted by indicator, unit and year first: one year's months come together, in key order
        for (Map.Entry<Key, Delta> e : deltas.entrySet()) {
            Key k = e.getKey();
            if (year == null || !k.indicator().equals(year.indicator()) || !k.orgUnit().equals(year.orgUnit()) || k.year() != year.year()) {
                if (year != null) {
                    rows.add(year, t, r);
                }
                year = k;
                Arrays.fill(t, BigDecimal.ZERO);
                Arrays.fill(r, 0);
            }
            t[k.month() - 1] = t[k.month() - 1].add(e.getValue().total());
            r[k.month() - 1] += e.getValue().reports();
        }
        rows.add(year, t, r);
        try (PreparedStatement ps = c.prepareStatement("""
                insert into year_value(indicator, org_unit, year, totals, reports)
                select u.indicator, u.org_unit, u.year, u.totals::numeric[], u.reports::bigint[]
                from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[]) as u(indicator, org_unit, year, totals, reports)
                on conflict (indicator, org_unit, year) do update set
                  totals = array(select a + b from unnest(year_value.totals, excluded.totals) with ordinality as x(a, b, i) order by i),
                  reports = array(select a + b from unnest(year_value.reports, excluded.reports) with ordinality as x(a, b, i) order by i)""")) {
            ps.setArray(1, c.createArrayOf("text", rows.indicators.toArray()));
            ps.setArray(2, c.createArrayOf("text", rows.units.toArray()));
            ps.setArray(3, c.createArrayOf("int4", rows.years.toArray()));
            ps.setArray(4, c.createArrayOf("text", rows.totals.toArray()));
            ps.setArray(5, c.createArrayOf("text", rows.reports.toArray()));
            ps.executeUpdate();
        }
    }

    /** The parameters of the year_value upsert: per year key, its 12 months' deltas as array literals. */
    private static final class YearRows {
        final List<String> indicators = new ArrayList<>();
        final List<String> units = new ArrayList<>();
        final List<Integer> years = new ArrayList<>();
        final List<String> totals = new ArrayList<>();
        final List<String> reports = new ArrayList<>();

        void add(Key year, BigDecimal[] t, long[] r) {
            indicators.add(year.indicator());
            units.add(year.orgUnit());
            years.add(year.year());
            StringJoiner ts = new StringJoiner(",", "{", "}");
            StringJoiner rs = new StringJoiner(",", "{", "}");
            for (int m = 0; m < 12; m++) {
                ts.add(t[m].toPlainString());
                rs.add(Long.toString(r[m]));
            }
            totals.add(ts.toString());
            reports.add(rs.toString());
        }
    }
}
