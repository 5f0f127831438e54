package mx.gob.dif.indicators.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.indicators.service.Catalog;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The catalog read model's tables (org_unit, target_def, program_def, outcome_goal_def), plain JDBC:
 * upserts in the catalog loop's transaction (the connection is enlisted in it), reads at startup. Every
 * instance writes every catalog event, each at its own pace: an upsert carries the event's offset and
 * changes the row only when that is not older than what the row holds (false when it did not).
 */
@ApplicationScoped
public class CatalogTables {
    private final AgroalDataSource ds;

    public CatalogTables(AgroalDataSource ds) {
        this.ds = ds;
    }

    public List<Catalog.Unit> units() {
        return read("select code, name, level, parent from org_unit",
                rs -> new Catalog.Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    public List<Catalog.Target> targets() {
        return read("""
                select plan_org_unit, fiscal_year, indicator_code, program_code, program_name, action_code, action_desc, unit,
                  annual_target, method, components, calendar, case_metric, schedule from target_def where not deleted""",
                rs -> new Catalog.Target(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getBigDecimal(9), rs.getString(10),
                        split(rs.getString(11)), split(rs.getString(12)).stream().map(Integer::valueOf).toList(), rs.getString(13),
                        schedule(rs.getArray(14))));
    }

    public List<Catalog.Program> programs() {
        return read("select plan_org_unit, fiscal_year, program_code, program_name, calendar, indicators from program_def where not deleted",
                rs -> new Catalog.Program(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        split(rs.getString(5)), split(rs.getString(6)), false));
    }

    public List<Catalog.Goal> goals() {
        return read("""
                select plan_org_unit, fiscal_year, goal_code, program_code, component, goal, num_indicator, num_case_metric,
                  den_indicator, den_case_metric, target_percent from outcome_goal_def where not deleted""",
                rs -> new Catalog.Goal(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), side(rs.getString(7), rs.getString(8)), side(rs.getString(9), rs.getString(10)),
                        rs.getBigDecimal(11)));
    }

    private static List<BigDecimal> schedule(java.sql.Array a) throws SQLException {
        return a == null ? null : List.of((BigDecimal[]) a.getArray());
    }

    private static Catalog.Side side(String indicator, String caseMetric) {
        return indicator == null && caseMetric == null ? null : new Catalog.Side(indicator, caseMetric);
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> read(String sql, Row<T> row) {
        List<T> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(row.map(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public boolean persistGoal(Connection c, Catalog.Goal g, boolean deleted, long sourceOffset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into outcome_goal_def(plan_org_unit, fiscal_year, goal_code, program_code, component, goal, num_indicator,
                  num_case_metric, den_indicator, den_case_metric, target_percent, deleted, source_offset) values (?,?,?,?,?,?,?,?,?,?,?,?,?)
                on conflict (plan_org_unit, fiscal_year, goal_code) do update set program_code = excluded.program_code,
                  component = excluded.component, goal = excluded.goal, num_indicator = excluded.num_indicator,
                  num_case_metric = excluded.num_case_metric, den_indicator = excluded.den_indicator,
                  den_case_metric = excluded.den_case_metric, target_percent = excluded.target_percent, deleted = excluded.deleted,
                  source_offset = excluded.source_offset where outcome_goal_def.source_offset <= excluded.source_offset""")) {
            ps.setString(1, g.planOrgUnit());
            ps.setInt(2, g.year());
            ps.setString(3, g.code());
            ps.setString(4, g.programCode());
            ps.setString(5, g.component());
            ps.setString(6, g.goal());
            ps.setString(7, g.numerator() == null ? null : g.numerator().indicator());
            ps.setString(8, g.numerator() == null ? null : g.numerator().caseMetric());
            ps.setString(9, g.denominator() == null ? null : g.denominator().indicator());
            ps.setString(10, g.denominator() == null ? null : g.denominator().caseMetric());
            ps.setBigDecimal(11, g.targetPercent());
            ps.setBoolean(12, deleted);
            ps.setLong(13, sourceOffset);
            return ps.executeUpdate() == 1;
        }
    }

    public boolean persistUnit(Connection c, Catalog.Unit u, long sourceOffset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into org_unit(code, name, level, parent, source_offset) values (?,?,?,?,?)
                on conflict (code) do update set name = excluded.name, level = excluded.level, parent = excluded.parent,
                  source_offset = excluded.source_offset where org_unit.source_offset <= excluded.source_offset""")) {
            ps.setString(1, u.code());
            ps.setString(2, u.name());
            ps.setString(3, u.level());
            ps.setString(4, u.parent());
            ps.setLong(5, sourceOffset);
            return ps.executeUpdate() == 1;
        }
    }

    public boolean persistTarget(Connection c, Catalog.Target t, boolean deleted, long sourceOffset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into target_def(plan_org_unit, fiscal_year, indicator_code, program_code, program_name, action_code, action_desc,
                  unit, annual_target, method, components, calendar, deleted, case_metric, schedule, source_offset)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                on conflict (plan_org_unit, fiscal_year, indicator_code) do update set program_code = excluded.program_code,
                  program_name = excluded.program_name, action_code = excluded.action_code, action_desc = excluded.action_desc,
                  unit = excluded.unit, annual_target = excluded.annual_target, method = excluded.method,
                  components = excluded.components, calendar = excluded.calendar, deleted = excluded.deleted,
                  case_metric = excluded.case_metric, schedule = excluded.schedule, source_offset = excluded.source_offset
                where target_def.source_offset <= excluded.source_offset""")) {
            ps.setString(1, t.planOrgUnit());
            ps.setInt(2, t.year());
            ps.setString(3, t.indicator());
            ps.setString(4, t.programCode());
            ps.setString(5, t.programName());
            ps.setString(6, t.actionCode());
            ps.setString(7, t.actionDescription());
            ps.setString(8, t.unit());
            ps.setBigDecimal(9, t.annualTarget());
            ps.setString(10, t.method());
            ps.setString(11, String.join(",", t.components()));
            ps.setString(12, t.calendar().stream().map(String::valueOf).collect(Collectors.joining(",")));
            ps.setBoolean(13, deleted);
            ps.setString(14, t.caseMetric());
            ps.setArray(15, t.schedule() == null ? null : c.createArrayOf("numeric", t.schedule().toArray()));
            ps.setLong(16, sourceOffset);
            return ps.executeUpdate() == 1;
        }
    }

    public boolean persistProgram(Connection c, Catalog.Program p, long sourceOffset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into program_def(plan_org_unit, fiscal_year, program_code, program_name, calendar, indicators, deleted, source_offset)
                values (?,?,?,?,?,?,?,?)
                on conflict (plan_org_unit, fiscal_year, program_code) do update set program_name = excluded.program_name,
                  calendar = excluded.calendar, indicators = excluded.indicators, deleted = excluded.deleted,
                  source_offset = excluded.source_offset where program_def.source_offset <= excluded.source_offset""")) {
            ps.setString(1, p.planOrgUnit());
            ps.setInt(2, p.year());
            ps.setString(3, p.code());
            ps.setString(4, p.name());
            ps.setString(5, String.join(",", p.calendar()));
            ps.setString(6, String.join(",", p.indicators()));
            ps.setBoolean(7, p.deleted());
            ps.setLong(8, sourceOffset);
            return ps.executeUpdate() == 1;
        }
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}
