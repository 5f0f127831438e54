package mx.gob.dif.programs.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.programs.domain.PlanTargetDef;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows of a work plan: the document ({@code work_plan}), its history ({@code work_plan_revision})
 * and the targets derived from it ({@code plan_target}). Plain JDBC on purpose: the plan is a
 * versioned document (imported whole, hashed, revisioned), so the document is what is stored and
 * the target rows are an index rebuilt from it on every write; there is no entity graph to map.
 * Connections are enlisted in the caller's transaction (the services are {@code @Transactional}).
 */
@ApplicationScoped
public class WorkPlanStore {
    private static final String COLUMNS = "select id, org_unit, fiscal_year, status, revision, content, content_sha, "
            + "updated_at, updated_by from work_plan ";
    private final AgroalDataSource ds;

    public WorkPlanStore(AgroalDataSource ds) {
        this.ds = ds;
    }

    public Optional<StoredPlan> find(UUID id) {
        return query("where id = ?", id);
    }

    public Optional<StoredPlan> find(String orgUnit, int year) {
        return query("where org_unit = ? and fiscal_year = ?", orgUnit, year);
    }

    /** The plan, its row locked until the transaction ends: concurrent changes of one plan queue. */
    public Optional<StoredPlan> lock(UUID id) {
        return query("where id = ? for update", id);
    }

    /** As {@link #lock(UUID)}, by org unit and year (an import). */
    public Optional<StoredPlan> lock(String orgUnit, int year) {
        return query("where org_unit = ? and fiscal_year = ? for update", orgUnit, year);
    }

    /** A new plan at revision 1, status DRAFT. */
    public void insert(UUID id, String orgUnit, int year, String unitName, String content, String sha, String user) {
        run("""
                insert into work_plan(id, org_unit, fiscal_year, unit_name, content, content_sha, created_by, updated_by)
                values (?,?,?,?,?,?,?,?)""", id, orgUnit, year, unitName, content, sha, user, user);
    }

    /**
     * Records the current document as the previous content of {@code revision}, then stores the new one under it;
     * {@code amendment} is why the plan of a closed year changed (null for an ordinary change).
     */
    public void update(UUID id, int revision, String unitName, String content, String sha, String user, String summary,
                       String amendment) {
        run("""
                insert into work_plan_revision(plan_id, revision, changed_by, summary, previous, status_after, amendment)
                select id, ?, ?, ?, content, status, ? from work_plan where id = ?""", revision, user, summary, amendment, id);
        run("""
                update work_plan set content = ?, content_sha = ?, unit_name = ?, revision = ?, updated_at = now(), updated_by = ?
                where id = ?""", content, sha, unitName, revision, user, id);
    }

    /** DRAFT → APPROVED, recorded in the history under the current revision. */
    public void approve(UUID id, int revision, String user) {
        run("""
                insert into work_plan_revision(plan_id, revision, changed_by, summary, previous, status_after)
                values (?, ?, ?, 'Plan aprobado (DRAFT → APPROVED)', null, 'APPROVED')""", id, revision, user);
        run("update work_plan set status = 'APPROVED', updated_at = now(), updated_by = ? where id = ?", user, id);
    }

    public List<PlanRevision> revisions(UUID id) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select revision, changed_at, changed_by, summary, status_after, amendment from work_plan_revision
                     where plan_id = ? order by id""")) {
            ps.setObject(1, id);
            ResultSet rs = ps.executeQuery();
            List<PlanRevision> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new PlanRevision(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toString(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plan's target rows by indicator code. */
    public Map<String, PlanTargetDef> targets(UUID planId) {
        Map<String, PlanTargetDef> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     select program_code, program_name, action_code, action_desc, indicator_code, unit, annual_target, method,
                       components, calendar, case_metric, schedule from plan_target where plan_id = ?""")) {
            ps.setObject(1, planId);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                out.put(rs.getString(5), new PlanTargetDef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8), split(rs.getString(9)),
                        split(rs.getString(10)), rs.getString(11), schedule(rs.getString(12))));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rebuilds the plan's target rows from its document. */
    public void replaceTargets(UUID planId, Collection<PlanTargetDef> targets) {
        run("delete from plan_target where plan_id = ?", planId);
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into plan_target(plan_id, indicator_code, program_code, program_name, action_code, action_desc,
                       unit, annual_target, method, components, calendar, case_metric, schedule) values (?,?,?,?,?,?,?,?,?,?,?,?,?)""")) {
            for (PlanTargetDef t : targets) {
                ps.setObject(1, planId);
                ps.setString(2, t.indicatorCode());
                ps.setString(3, t.programCode());
                ps.setString(4, t.programName());
                ps.setString(5, t.actionCode());
                ps.setString(6, t.actionDescription());
                ps.setString(7, t.unit());
                ps.setBigDecimal(8, t.annualTarget());
                ps.setString(9, t.method());
                ps.setString(10, String.join(",", t.components()));
                ps.setString(11, String.join(",", t.calendarMonths()));
                ps.setString(12, t.caseMetric());
                ps.setString(13, t.schedule() == null ? null
                        : String.join(",", t.schedule().stream().map(BigDecimal::toPlainString).toList()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A comma-separated column ({@code components}, {@code calendar}) as a list. */
    public static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    /** The {@code schedule} column (12 comma-separated quantities) as a list; null when the target has none. */
    public static List<BigDecimal> schedule(String csv) {
        return csv == null || csv.isBlank() ? null : split(csv).stream().map(BigDecimal::new).toList();
    }

    /** Parameters of one statement (also {@link PlanSearch}'s filters). */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Binds {@code args} to the statement's parameters, in order. */
    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private void run(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<StoredPlan> query(String where, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(COLUMNS + where)) {
            bind(ps, args);
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredPlan(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5),
                    rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toString(), rs.getString(9)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
