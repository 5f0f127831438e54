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
 * Reads of the aggregates (month_value, year_value, case_count) for a set of units, set-based SQL with plain
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
        return years(null, units, year);
    }

    /**
     * indicator → org unit → month values of whole years, for the given indicators (all when null) and units: one row
     * per (indicator, unit) with its 12 months (year_value, kept with month_value), 12× fewer rows and no grouping.
     */
    public Map<String, Map<String, MonthValues>> years(Collection<String> indicators, List<String> units, int year) {
        Map<String, Map<String, MonthValues>> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select indicator, org_unit, array_to_string(totals, ','), array_to_string(reports, ',')
                from year_value where year = ? and org_unit = any(?)""" + (indicators == null ? "" : " and indicator = any(?)"))) {
            ps.setInt(1, year);
            ps.setArray(2, c.createArrayOf("text", units.toArray(String[]::new)));
            if (indicators != null) {
                ps.setArray(3, c.createArrayOf("text", indicators.toArray(String[]::new)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unpack(rs.getString(3), rs.getString(4), out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new MonthValues()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The 12 months "t1,…,t12" and "r1,…,r12"; a month without reports is left out (it has no value, as before its first report). */
    private static void unpack(String totals, String reports, MonthValues mv) {
        int t = 0;
        int r = 0;
        for (int month = 1; month <= 12; month++) {
            int te = end(totals, t);
            int re = end(reports, r);
            long count = Long.parseLong(reports, r, re, 10);
            if (count != 0) {
                mv.add(month, new BigDecimal(totals.substring(t, te)), count);
            }
            t = te + 1;
            r = re + 1;
        }
    }

    private static int end(String packed, int start) {
        int end = packed.indexOf(',', start);
        return end < 0 ? packed.length() : end;
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
