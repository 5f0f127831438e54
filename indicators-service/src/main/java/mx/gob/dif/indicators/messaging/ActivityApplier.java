package mx.gob.dif.indicators.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.events.EventTypes;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Applies one polled batch of activity events in one transaction, exactly once in effect:
 * the activity table remembers every id, and only rows that are new (or newly retracted) change
 * the month values, pre-aggregated per key and upserted in key order (no deadlocks, one statement).
 */
public final class ActivityApplier {

    /** (indicator, org unit, year, month) */
    public record Key(String indicator, String orgUnit, int year, int month) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = indicator.compareTo(o.indicator);
            if (c == 0) {
                c = orgUnit.compareTo(o.orgUnit);
            }
            if (c == 0) {
                c = Integer.compare(year, o.year);
            }
            return c == 0 ? Integer.compare(month, o.month) : c;
        }
    }

    private record Delta(BigDecimal total, long reports) {
        Delta plus(BigDecimal t, long r) {
            return new Delta(total.add(t), reports + r);
        }
    }

    private ActivityApplier() {
    }

    /** @return the keys whose month value changed */
    public static List<Key> apply(Connection c, List<JsonNode> events) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        List<String> indicators = new ArrayList<>();
        List<String> units = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<Integer> months = new ArrayList<>();
        List<BigDecimal> quantities = new ArrayList<>();
        List<UUID> retractions = new ArrayList<>();
        for (JsonNode e : events) {
            String type = e.path("type").asText();
            JsonNode d = e.path("data");
            if (EventTypes.ACTIVITY_REPORTED.equals(type)) {
                LocalDate date = LocalDate.parse(d.path("date").asText());
                ids.add(UUID.fromString(d.path("activityId").asText()));
                indicators.add(d.path("indicator").asText());
                units.add(d.path("orgUnit").asText());
                years.add(date.getYear());
                months.add(date.getMonthValue());
                quantities.add(d.path("quantity").decimalValue());
            } else if (EventTypes.ACTIVITY_RETRACTED.equals(type)) {
                retractions.add(UUID.fromString(d.path("activityId").asText()));
            }
        }
        TreeMap<Key, Delta> deltas = new TreeMap<>();
        if (!ids.isEmpty()) {
            // a batch may carry the same id twice (a resend): keep the first
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into activity(id, indicator, org_unit, year, month, quantity)
                    select distinct on (u.id) u.* from unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::int[], ?::numeric[])
                      as u(id, indicator, org_unit, year, month, quantity)
                    on conflict (id) do nothing
                    returning indicator, org_unit, year, month, quantity""")) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                ps.setArray(2, c.createArrayOf("text", indicators.toArray()));
                ps.setArray(3, c.createArrayOf("text", units.toArray()));
                ps.setArray(4, c.createArrayOf("int4", years.toArray()));
                ps.setArray(5, c.createArrayOf("int4", months.toArray()));
                ps.setArray(6, c.createArrayOf("numeric", quantities.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Key k = new Key(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4));
                        deltas.merge(k, new Delta(rs.getBigDecimal(5), 1), (a, b) -> a.plus(b.total, b.reports));
                    }
                }
            }
        }
        if (!retractions.isEmpty()) {
            Array arr = c.createArrayOf("uuid", retractions.toArray());
            try (PreparedStatement ps = c.prepareStatement("""
                    update activity set retracted = true where id = any(?) and not retracted and quantity is not null
                    returning indicator, org_unit, year, month, quantity""")) {
                ps.setArray(1, arr);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Key k = new Key(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4));
                        deltas.merge(k, new Delta(rs.getBigDecimal(5).negate(), -1), (a, b) -> a.plus(b.total, b.reports));
                    }
                }
            }
            // retraction of a report not seen yet: a tombstone, so the report never counts
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into activity(id, retracted) select unnest(?::uuid[]), true on conflict (id) do nothing""")) {
                ps.setArray(1, arr);
                ps.executeUpdate();
            }
        }
        if (!deltas.isEmpty()) {
            List<String> ki = new ArrayList<>();
            List<String> ku = new ArrayList<>();
            List<Integer> ky = new ArrayList<>();
            List<Integer> km = new ArrayList<>();
            List<BigDecimal> kt = new ArrayList<>();
            List<Long> kr = new ArrayList<>();
            for (Map.Entry<Key, Delta> e : deltas.entrySet()) {
                ki.add(e.getKey().indicator());
                ku.add(e.getKey().orgUnit());
                ky.add(e.getKey().year());
                km.add(e.getKey().month());
                kt.add(e.getValue().total());
                kr.add(e.getValue().reports());
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into month_value(indicator, org_unit, year, month, total, reports)
                    select * from unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::numeric[], ?::bigint[])
                    on conflict (indicator, org_unit, year, month) do update
                      set total = month_value.total + excluded.total, reports = month_value.reports + excluded.reports""")) {
                ps.setArray(1, c.createArrayOf("text", ki.toArray()));
                ps.setArray(2, c.createArrayOf("text", ku.toArray()));
                ps.setArray(3, c.createArrayOf("int4", ky.toArray()));
                ps.setArray(4, c.createArrayOf("int4", km.toArray()));
                ps.setArray(5, c.createArrayOf("numeric", kt.toArray()));
                ps.setArray(6, c.createArrayOf("int8", kr.toArray()));
                ps.executeUpdate();
            }
        }
        return new ArrayList<>(deltas.keySet());
    }
}
