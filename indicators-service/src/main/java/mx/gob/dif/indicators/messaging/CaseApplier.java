package mx.gob.dif.indicators.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.events.CaseEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.SchemaValidator;
import mx.gob.dif.indicators.domain.CaseMetric;
import mx.gob.dif.messaging.Received;
import mx.gob.dif.messaging.Refused;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies the case events of one polled batch inside the activity loop's transaction (same offsets
 * table, same commit), exactly once in effect: table case_event remembers the CloudEvent id of every
 * counted event, only the ids that are new change the counts, and the deltas are pre-aggregated per
 * (metric, org unit, year, month) and upserted in key order with one statement.
 */
public final class CaseApplier {

    /** (metric, org unit, year, month) — the key of case_count, in its sort order. */
    public record Key(String metric, String orgUnit, int year, int month) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = metric.compareTo(o.metric);
            if (c == 0) {
                c = orgUnit.compareTo(o.orgUnit);
            }
            if (c == 0) {
                c = Integer.compare(year, o.year);
            }
            return c == 0 ? Integer.compare(month, o.month) : c;
        }
    }

    /** A counted case event: only what the counts need (no case reference, no person). */
    public record CaseChange(String id, String orgUnit, String change, LocalDate date, boolean onTime) {
    }

    private CaseApplier() {
    }

    /**
     * A case event as the counts need it, held to its JSON Schema first (the record as it was on the
     * topic: a field the contract does not have, e.g. a name, refuses the event even though the
     * payload type would simply drop it).
     *
     * @return null for a change that is not counted (a status change)
     * @throws Refused when the event does not match its schema; the reason names only schema paths, never a value
     */
    public static CaseChange change(Received r) throws Refused {
        List<String> errors = SchemaValidator.validate(wire(r));
        if (!errors.isEmpty()) {
            Set<String> paths = new LinkedHashSet<>();
            for (String m : errors) {
                int colon = m.indexOf(':');
                paths.add(colon > 0 ? m.substring(0, colon) : "?");
            }
            throw new Refused(r.type() + " does not match its schema at " + paths);
        }
        CaseEvent d = r.data(CaseEvent.class);
        List<CaseMetric> metrics;
        try {
            metrics = CaseMetric.counted(d.change(), d.onTime(), d.date(), d.dueDate());
        } catch (IllegalArgumentException e) {
            throw new Refused("unknown change");
        }
        if (metrics.isEmpty()) {
            return null;
        }
        boolean resolvedOnTime = metrics.contains(CaseMetric.FOLLOW_UP_REPORTS_ON_TIME) || metrics.contains(CaseMetric.MONTHLY_REPORTS_ON_TIME);
        return new CaseChange(r.event().id(), d.orgUnit(), d.change(), d.date(), resolvedOnTime);
    }

    /** The record as it was on the topic; written back from the typed event when the loop did not keep it. */
    private static JsonNode wire(Received r) throws Refused {
        try {
            return r.value() != null ? EventJson.MAPPER.readTree(r.value()) : EventJson.MAPPER.valueToTree(r.event());
        } catch (Exception e) {
            // EventReader read this record already: only a broken caller gets here
            throw new Refused("not a JSON document");
        }
    }

    /** @return the case_count keys that changed (empty when every event was already applied) */
    public static List<Key> apply(Connection c, List<CaseChange> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        int n = events.size();
        String[] ids = new String[n];
        String[] units = new String[n];
        String[] changes = new String[n];
        Integer[] years = new Integer[n];
        Integer[] months = new Integer[n];
        Boolean[] onTime = new Boolean[n];
        for (int i = 0; i < n; i++) {
            CaseChange e = events.get(i);
            ids[i] = e.id();
            units[i] = e.orgUnit();
            changes[i] = e.change();
            years[i] = e.date().getYear();
            months[i] = e.date().getMonthValue();
            onTime[i] = e.onTime();
        }
        TreeMap<Key, Long> deltas = new TreeMap<>();
        // a batch may carry one id twice (a resend): one row per id; RETURNING gives only the new ones
        try (PreparedStatement ps = c.prepareStatement("""
                insert into case_event(id, org_unit, change, year, month, on_time)
                select distinct on (u.id) u.* from unnest(?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::boolean[])
                  as u(id, org_unit, change, year, month, on_time)
                on conflict (id) do nothing
                returning org_unit, change, year, month, on_time""")) {
            ps.setArray(1, c.createArrayOf("text", ids));
            ps.setArray(2, c.createArrayOf("text", units));
            ps.setArray(3, c.createArrayOf("text", changes));
            ps.setArray(4, c.createArrayOf("int4", years));
            ps.setArray(5, c.createArrayOf("int4", months));
            ps.setArray(6, c.createArrayOf("bool", onTime));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (CaseMetric m : CaseMetric.counted(rs.getString(2), rs.getBoolean(5), null, null)) {
                        deltas.merge(new Key(m.name(), rs.getString(1), rs.getInt(3), rs.getInt(4)), 1L, Long::sum);
                    }
                }
            }
        }
        if (!deltas.isEmpty()) {
            upsert(c, deltas);
        }
        return new ArrayList<>(deltas.keySet());
    }

    private static void upsert(Connection c, TreeMap<Key, Long> deltas) throws SQLException {
        int n = deltas.size();
        String[] metric = new String[n];
        String[] unit = new String[n];
        Integer[] year = new Integer[n];
        Integer[] month = new Integer[n];
        Long[] count = new Long[n];
        int i = 0;
        for (Map.Entry<Key, Long> e : deltas.entrySet()) {
            metric[i] = e.getKey().metric();
            unit[i] = e.getKey().orgUnit();
            year[i] = e.getKey().year();
            month[i] = e.getKey().month();
            count[i] = e.getValue();
            i++;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into case_count(metric, org_unit, year, month, count)
                select * from unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::bigint[])
                on conflict (metric, org_unit, year, month) do update set count = case_count.count + excluded.count""")) {
            ps.setArray(1, c.createArrayOf("text", metric));
            ps.setArray(2, c.createArrayOf("text", unit));
            ps.setArray(3, c.createArrayOf("int4", year));
            ps.setArray(4, c.createArrayOf("int4", month));
            ps.setArray(5, c.createArrayOf("int8", count));
            ps.executeUpdate();
        }
    }
}
