package mx.gob.dif.programs.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.programs.domain.ReportingCycle;
import mx.gob.dif.programs.service.VisibleUnits;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reporting cycle's rows: the current status of each month a unit submitted ({@code reporting_month}) and
 * every step taken on it ({@code reporting_month_step}: who, when, the status it led to, the reason). Plain JDBC
 * like the plan store; connections are enlisted in the caller's transaction.
 */
@ApplicationScoped
public class ReportingStore {
    private final AgroalDataSource ds;

    public ReportingStore(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** One month's current status; {@code updatedAt}/{@code updatedBy} are null for a month nobody submitted. */
    public record MonthRow(String orgUnit, String month, ReportingCycle.Status status, boolean locked, String updatedAt,
                           String updatedBy) {
    }

    /** One step of a month: the status it led to, when, who, and the reason given (return, reopening). */
    public record StepRow(ReportingCycle.Status status, String at, String by, String reason) {
    }

    /**
     * The month's status, serialized with every other step on the same month until the transaction ends (a month
     * nobody submitted has no row to lock, so the lock is an advisory one on its key).
     */
    public ReportingCycle.Status lock(String orgUnit, YearMonth month) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, "reporting|" + orgUnit + "|" + month);
            ps.executeQuery();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return find(orgUnit, month).map(MonthRow::status).orElse(ReportingCycle.Status.OPEN);
    }

    public Optional<MonthRow> find(String orgUnit, YearMonth month) {
        List<MonthRow> rows = months("where org_unit = ? and month = ?", List.of(orgUnit, month.toString()), "", -1, 0);
        return rows.stream().findFirst();
    }

    /** Records a step: the month's new status and the step in its history. */
    public void record(String orgUnit, YearMonth month, ReportingCycle.Status status, OffsetDateTime at, String by, String reason) {
        run("""
                insert into reporting_month(org_unit, month, status, updated_at, updated_by) values (?,?,?,?,?)
                on conflict (org_unit, month) do update set status = excluded.status, updated_at = excluded.updated_at,
                  updated_by = excluded.updated_by""", orgUnit, month.toString(), status.name(), at, by);
        run("insert into reporting_month_step(org_unit, month, status, at, by_user, reason) values (?,?,?,?,?,?)",
                orgUnit, month.toString(), status.name(), at, by, reason);
    }

    public List<StepRow> history(String orgUnit, YearMonth month) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select status, at, by_user, reason from reporting_month_step where org_unit = ? and month = ? order by id""")) {
            ps.setString(1, orgUnit);
            ps.setString(2, month.toString());
            ResultSet rs = ps.executeQuery();
            List<StepRow> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new StepRow(ReportingCycle.Status.valueOf(rs.getString(1)), rs.getObject(2, OffsetDateTime.class).toString(),
                        rs.getString(3), rs.getString(4)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The months with a status of the units visible (or of one unit), optionally of one year, by unit and month. */
    public List<MonthRow> list(String orgUnit, Integer year, VisibleUnits visible, int limit, long offset) {
        List<Object> args = new ArrayList<>();
        return months(where(orgUnit, year, visible, args), args, " order by org_unit, month", limit, offset);
    }

    public long count(String orgUnit, Integer year, VisibleUnits visible) {
        List<Object> args = new ArrayList<>();
        String sql = "select count(*) from reporting_month " + where(orgUnit, year, visible, args);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            VisibleUnits.bind(ps, 1, args);
            ResultSet rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statuses of a unit's months of one year (months nobody submitted are absent). */
    public Map<YearMonth, ReportingCycle.Status> year(String orgUnit, int year) {
        Map<YearMonth, ReportingCycle.Status> out = new HashMap<>();
        list(orgUnit, year, VisibleUnits.ALL, -1, 0).forEach(r -> out.put(YearMonth.parse(r.month()), r.status()));
        return out;
    }

    /** Which of the keys {@code orgUnit|YYYY-MM} are accepted months (locked). */
    public Set<String> accepted(Collection<String> keys) {
        Set<String> out = new HashSet<>();
        if (keys.isEmpty()) {
            return out;
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select org_unit || '|' || month from reporting_month where status = 'ACCEPTED' and org_unit || '|' || month = any(?)""")) {
            Array array = c.createArrayOf("text", keys.toArray());
            ps.setArray(1, array);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String where(String orgUnit, Integer year, VisibleUnits visible, List<Object> args) {
        StringBuilder w = new StringBuilder("where ").append(visible.sql("org_unit", args));
        if (orgUnit != null) {
            w.append(" and org_unit = ?");
            args.add(orgUnit);
        }
        if (year != null) {
            w.append(" and month like ?");
            args.add(year + "-%");
        }
        return w.toString();
    }

    private List<MonthRow> months(String where, List<Object> args, String order, int limit, long offset) {
        String sql = "select org_unit, month, status, updated_at, updated_by from reporting_month " + where + order
                + (limit < 0 ? "" : " limit " + limit + " offset " + offset);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            VisibleUnits.bind(ps, 1, args);
            ResultSet rs = ps.executeQuery();
            List<MonthRow> out = new ArrayList<>();
            while (rs.next()) {
                ReportingCycle.Status s = ReportingCycle.Status.valueOf(rs.getString(3));
                out.add(new MonthRow(rs.getString(1), rs.getString(2), s, s.locked(), rs.getObject(4, OffsetDateTime.class).toString(),
                        rs.getString(5)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
