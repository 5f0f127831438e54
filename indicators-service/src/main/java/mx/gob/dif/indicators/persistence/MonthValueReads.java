package mx.gob.dif.indicators.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.indicators.domain.CaseCounts;
import mx.gob.dif.indicators.domain.CaseMetric;
import mx.gob.dif.indicators.domain.MonthValues;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of the aggregates (month_value, case_count) for a set of units, set-based SQL with plain
 * JDBC: one query per answer, aggregated in memory by the domain rules.
 */
@ApplicationScoped
public class MonthValueReads {
    private final AgroalDataSource ds;

    public MonthValueReads(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** indicator → org unit → month values, for the given indicators and units. */
    public Map<String, Map<String, MonthValues>> of(Collection<String> indicators, List<String> units, int year) {
        Map<String, Map<String, MonthValues>> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select indicator, org_unit, month, total, reports from month_value where year = ? and indicator = any(?) and org_unit = any(?)")) {
            ps.setInt(1, year);
            ps.setArray(2, c.createArrayOf("text", indicators.toArray(String[]::new)));
            ps.setArray(3, c.createArrayOf("text", units.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new MonthValues())
                            .add(rs.getInt(3), rs.getBigDecimal(4), rs.getLong(5));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** indicator → org unit → month values, for every indicator of the units. */
    public Map<String, Map<String, MonthValues>> all(List<String> units, int year) {
        // one row per (indicator, unit) with its months packed as "m:total:reports,…": 12× fewer rows to ship and parse
        Map<String, Map<String, MonthValues>> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select indicator, org_unit, string_agg(month || ':' || total || ':' || reports, ',')
                from month_value where year = ? and org_unit = any(?) group by indicator, org_unit""")) {
            ps.setInt(1, year);
            ps.setArray(2, c.createArrayOf("text", units.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unpack(rs.getString(3), out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new MonthValues()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static void unpack(String packed, MonthValues mv) {
        int start = 0;
        while (start < packed.length()) {
            int end = packed.indexOf(',', start);
            if (end < 0) {
                end = packed.length();
            }
            int a = packed.indexOf(':', start);
            int b = packed.indexOf(':', a + 1);
            mv.add(Integer.parseInt(packed, start, a, 10), new BigDecimal(packed.substring(a + 1, b)),
                    Long.parseLong(packed, b + 1, end, 10));
            start = end + 1;
        }
    }

    /** org unit → its case counts of the year, for the given units (the given metrics, or all when null). */
    public Map<String, CaseCounts> caseCounts(List<String> units, int year, Collection<CaseMetric> metrics) {
        Map<String, CaseCounts> out = new HashMap<>();
        String sql = "select org_unit, metric, month, count from case_count where year = ? and org_unit = any(?)"
                + (metrics == null ? "" : " and metric = any(?)");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, year);
            ps.setArray(2, c.createArrayOf("text", units.toArray(String[]::new)));
            if (metrics != null) {
                ps.setArray(3, c.createArrayOf("text", metrics.stream().map(Enum::name).distinct().toArray(String[]::new)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new CaseCounts())
                            .add(CaseMetric.valueOf(rs.getString(2)), rs.getInt(3), rs.getLong(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
