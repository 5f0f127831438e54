package mx.gob.dif.programs.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.programs.service.VisibleUnits;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Listings across plans: plan ids by unit and year, and the derived target rows filtered, sorted
 * and paged in SQL (set-based, so plain JDBC like the rest of the plan's rows).
 */
@ApplicationScoped
public class PlanSearch {
    private static final Map<String, String> TARGET_SORT = Map.of(
            "indicatorCode", "t.indicator_code", "programCode", "t.program_code", "actionCode", "t.action_code",
            "annualTarget", "t.annual_target", "fiscalYear", "w.fiscal_year", "orgUnit", "w.org_unit", "method", "t.method");
    private final AgroalDataSource ds;

    public PlanSearch(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** Target filters; null means any. */
    public record TargetFilter(String orgUnit, Integer year, String program, String action, String caseMetric) {
    }

    /** Ids of the plans by org unit and year, newest year first, narrowed to {@code visible}. */
    public Page<UUID> planIds(String orgUnit, Integer year, VisibleUnits visible, int page, int size) {
        List<Object> scope = new ArrayList<>();
        String where = " where (?::text is null or org_unit = ?) and (?::int is null or fiscal_year = ?) and "
                + visible.sql("org_unit", scope);
        WorkPlanStore.Binder filter = ps -> {
            bindUnitAndYear(ps, orgUnit, year);
            VisibleUnits.bind(ps, 5, scope);
        };
        try (Connection c = ds.getConnection()) {
            long total = count(c, "select count(*) from work_plan" + where, filter);
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id from work_plan" + where
                    + " order by fiscal_year desc, org_unit limit ? offset ?")) {
                filter.bind(ps);
                ps.setInt(5 + scope.size(), size);
                ps.setInt(6 + scope.size(), page * size);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return new Page<>(ids, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Targets of every plan matching {@code f}, sorted by the whitelisted keys of {@code sort} (400 otherwise) and paged. */
    public Page<TargetRow> targets(TargetFilter f, VisibleUnits visible, String sort, int page, int size) {
        String order = orderBy(sort);
        List<Object> scope = new ArrayList<>();
        String where = " " + """
                 from plan_target t join work_plan w on w.id = t.plan_id
                 where (?::text is null or w.org_unit = ?) and (?::int is null or w.fiscal_year = ?)
                   and (?::text is null or t.program_code = ?) and (?::text is null or t.action_code = ?)
                   and (?::text is null or t.case_metric = ?) and\s""" + visible.sql("w.org_unit", scope);
        WorkPlanStore.Binder filter = ps -> {
            bindUnitAndYear(ps, f.orgUnit(), f.year());
            ps.setString(5, f.program());
            ps.setString(6, f.program());
            ps.setString(7, f.action());
            ps.setString(8, f.action());
            ps.setString(9, f.caseMetric());
            ps.setString(10, f.caseMetric());
            VisibleUnits.bind(ps, 11, scope);
        };
        try (Connection c = ds.getConnection()) {
            long total = count(c, "select count(*) " + where, filter);
            List<TargetRow> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select w.id, w.org_unit, w.fiscal_year, w.status, t.program_code, t.program_name, t.action_code, t.action_desc,
                      t.indicator_code, t.unit, t.annual_target, t.method, t.components, t.calendar, t.case_metric, t.schedule"""
                    + where + order + " limit ? offset ?")) {
                filter.bind(ps);
                ps.setInt(11 + scope.size(), size);
                ps.setLong(12 + scope.size(), (long) page * size);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    items.add(row(rs));
                }
            }
            return new Page<>(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String orderBy(String sort) {
        StringBuilder order = new StringBuilder(" order by ");
        if (sort != null && !sort.isBlank()) {
            for (String part : sort.split(",")) {
                String key = part.trim();
                boolean desc = key.startsWith("-");
                String column = TARGET_SORT.get(desc ? key.substring(1) : key);
                if (column == null) {
                    throw ProblemException.badRequest("No se puede ordenar por '" + key + "'. Use " + String.join(", ",
                            new TreeSet<>(TARGET_SORT.keySet())) + " (con '-' delante para orden descendente).");
                }
                order.append(column).append(desc ? " desc, " : ", ");
            }
        }
        return order.append("w.fiscal_year desc, w.org_unit, t.program_code, t.indicator_code").toString();
    }

    private static TargetRow row(ResultSet rs) throws SQLException {
        return new TargetRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getBigDecimal(11),
                rs.getString(12), WorkPlanStore.split(rs.getString(13)), WorkPlanStore.split(rs.getString(14)), rs.getString(15),
                WorkPlanStore.schedule(rs.getString(16)));
    }

    private static long count(Connection c, String sql, WorkPlanStore.Binder filter) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            filter.bind(ps);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void bindUnitAndYear(PreparedStatement ps, String orgUnit, Integer year) throws SQLException {
        ps.setString(1, orgUnit);
        ps.setString(2, orgUnit);
        ps.setObject(3, year, Types.INTEGER);
        ps.setObject(4, year, Types.INTEGER);
    }
}
