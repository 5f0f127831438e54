package mx.gob.dif.indicators.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The reporting cycle's tables, plain JDBC (V7): which units reported which indicators in a month and whether on time
 * ({@code activity}), the units' month statuses ({@code reporting_month}) and the overdue reminders recorded and sent
 * ({@code reporting_overdue}).
 */
@ApplicationScoped
public class ReportingTables {
    /** A unit's reminder for a month, as recorded before it is sent. */
    public record Overdue(String orgUnit, int year, int month, UUID eventId, LocalDate deadline, int targetsDue, int targetsReported) {
    }

    private final AgroalDataSource ds;

    public ReportingTables(AgroalDataSource ds) {
        this.ds = ds;
    }

    /**
     * unit → indicator → on time, for the indicators each unit has a non-retracted report of in the month: on time when
     * one of them was received before {@code lateFrom}.
     */
    public Map<String, Map<String, Boolean>> reports(Collection<String> units, int year, int month, OffsetDateTime lateFrom) {
        Map<String, Map<String, Boolean>> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select org_unit, indicator, coalesce(bool_or(received_at < ?), false) from activity
                where year = ? and month = ? and org_unit = any(?) and not retracted and quantity is not null
                group by org_unit, indicator""")) {
            ps.setObject(1, lateFrom);
            ps.setInt(2, year);
            ps.setInt(3, month);
            ps.setArray(4, c.createArrayOf("text", units.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getBoolean(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** unit → status of its month (SUBMITTED, ACCEPTED, RETURNED, REOPENED), for the units that have one. */
    public Map<String, String> statuses(Collection<String> units, int year, int month) {
        Map<String, String> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select org_unit, status from reporting_month where year = ? and month = ? and org_unit = any(?)")) {
            ps.setInt(1, year);
            ps.setInt(2, month);
            ps.setArray(3, c.createArrayOf("text", units.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** unit → months (1..12) of the year that are ACCEPTED. */
    public Map<String, Set<Integer>> acceptedMonths(Collection<String> units, int year) {
        Map<String, Set<Integer>> out = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select org_unit, month from reporting_month where year = ? and org_unit = any(?) and status = 'ACCEPTED'")) {
            ps.setInt(1, year);
            ps.setArray(2, c.createArrayOf("text", units.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Upsert in the reporting loop's transaction: the latest status wins. */
    public void persistMonth(Connection c, String orgUnit, int year, int month, String status, OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into reporting_month(org_unit, year, month, status, changed_at) values (?,?,?,?,?)
                on conflict (org_unit, year, month) do update set status = excluded.status, changed_at = excluded.changed_at""")) {
            ps.setString(1, orgUnit);
            ps.setInt(2, year);
            ps.setInt(3, month);
            ps.setString(4, status);
            ps.setObject(5, at);
            ps.executeUpdate();
        }
    }

    /** Records reminders not recorded before (one per unit and month, ever); returns how many were new. */
    public int record(List<Overdue> reminders) {
        int n = 0;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into reporting_overdue(org_unit, year, month, event_id, deadline, targets_due, targets_reported, recorded_at)
                values (?,?,?,?,?,?,?, now()) on conflict (org_unit, year, month) do nothing""")) {
            for (Overdue o : reminders) {
                ps.setString(1, o.orgUnit());
                ps.setInt(2, o.year());
                ps.setInt(3, o.month());
                ps.setObject(4, o.eventId());
                ps.setObject(5, o.deadline());
                ps.setInt(6, o.targetsDue());
                ps.setInt(7, o.targetsReported());
                n += ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    /** Recorded reminders the broker has not acknowledged yet, oldest first. */
    public List<Overdue> unsent() {
        List<Overdue> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select org_unit, year, month, event_id, deadline, targets_due, targets_reported from reporting_overdue
                where sent_at is null order by recorded_at, org_unit, year, month""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Overdue(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getObject(4, UUID.class),
                        rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getInt(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public void markSent(Overdue o) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update reporting_overdue set sent_at = now() where org_unit = ? and year = ? and month = ?")) {
            ps.setString(1, o.orgUnit());
            ps.setInt(2, o.year());
            ps.setInt(3, o.month());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
