package mx.gob.dif.programs.activity;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.programs.service.VisibleUnits;

import java.math.BigDecimal;
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
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code activity} table: every report this service accepted, as it saw it. Used for idempotent
 * resends, retraction and listing. The only place the free-text note is kept.
 * Plain JDBC because set-based SQL is the point here (the platform uses it only there): a request inserts up
 * to 10,000 rows in one {@code unnest} statement and lists filter by a unit-scope SQL condition.
 */
@ApplicationScoped
public class ActivityLedger {
    private static final String COLUMNS = """
            id, indicator, org_unit, plan_org_unit, fiscal_year, activity_date, quantity, note, status,
            received_at, retracted_at, reason""";

    private final AgroalDataSource ds;

    public ActivityLedger(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** The rows among these ids that already exist. */
    public Map<UUID, Activity> find(Collection<UUID> ids) {
        Map<UUID, Activity> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from activity where id = any(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Activity e = entry(rs);
                    out.put(e.id(), e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public Optional<Activity> find(UUID id) {
        return Optional.ofNullable(find(List.of(id)).get(id));
    }

    /**
     * Inserts the reports in one statement whatever their number: one array per column, unnested
     * server-side. Always the same SQL text, so PostgreSQL plans it once per connection.
     */
    public void insert(List<ReportValidator.Valid> reports, String receivedBy) throws SQLException {
        if (reports.isEmpty()) {
            return;
        }
        int n = reports.size();
        UUID[] ids = new UUID[n];
        String[] indicators = new String[n];
        String[] units = new String[n];
        String[] planUnits = new String[n];
        Integer[] years = new Integer[n];
        String[] dates = new String[n];
        BigDecimal[] quantities = new BigDecimal[n];
        String[] notes = new String[n];
        for (int i = 0; i < n; i++) {
            ReportValidator.Valid v = reports.get(i);
            ids[i] = v.id();
            indicators[i] = v.indicator();
            units[i] = v.orgUnit();
            planUnits[i] = v.planOrgUnit();
            years[i] = v.fiscalYear();
            dates[i] = v.date().toString();
            quantities[i] = v.quantity();
            notes[i] = v.note();
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into activity(id, indicator, org_unit, plan_org_unit, fiscal_year, activity_date, quantity, note, received_by)
                     select u.id, u.indicator, u.org_unit, u.plan_org_unit, u.fiscal_year, u.activity_date, u.quantity, u.note, ?
                     from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::date[], ?::numeric[], ?::text[])
                       as u(id, indicator, org_unit, plan_org_unit, fiscal_year, activity_date, quantity, note)
                     on conflict (id) do nothing""")) {
            ps.setString(1, receivedBy);
            ps.setArray(2, c.createArrayOf("uuid", ids));
            ps.setArray(3, c.createArrayOf("varchar", indicators));
            ps.setArray(4, c.createArrayOf("varchar", units));
            ps.setArray(5, c.createArrayOf("varchar", planUnits));
            ps.setArray(6, c.createArrayOf("int4", years));
            ps.setArray(7, c.createArrayOf("text", dates));
            ps.setArray(8, c.createArrayOf("numeric", quantities));
            ps.setArray(9, c.createArrayOf("text", notes));
            ps.executeUpdate();
        }
    }

    /** Marks the row retracted by {@code user}; returns false when it already was (or does not exist). */
    public boolean markRetracted(UUID id, String reason, String user) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     update activity set status = 'RETRACTED', retracted_at = now(), reason = ?, retracted_by = ?
                     where id = ? and status = 'ACTIVE'""")) {
            ps.setString(1, reason);
            ps.setString(2, user);
            ps.setObject(3, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Filter of a listing; null fields do not filter; {@code visible} keeps the units the caller may read. */
    public record Filter(String orgUnit, String indicator, LocalDate from, LocalDate to, String status, VisibleUnits visible) {
    }

    public long count(Filter f) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select count(*) from activity" + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One page, by activity date (then arrival and id, so pages never overlap). */
    public List<Activity> list(Filter f, int limit, long offset) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from activity" + where
                     + " order by activity_date, received_at, id limit ? offset ?")) {
            int i = bind(ps, args);
            ps.setInt(i++, limit);
            ps.setLong(i, offset);
            List<Activity> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String where(Filter f, List<Object> args) {
        StringBuilder w = new StringBuilder(" where true");
        if (f.orgUnit() != null) {
            w.append(" and org_unit = ?");
            args.add(f.orgUnit());
        }
        if (f.indicator() != null) {
            w.append(" and indicator = ?");
            args.add(f.indicator());
        }
        if (f.from() != null) {
            w.append(" and activity_date >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            w.append(" and activity_date <= ?");
            args.add(f.to());
        }
        if (f.status() != null) {
            w.append(" and status = ?");
            args.add(f.status());
        }
        if (f.visible() != null) {
            w.append(" and ").append(f.visible().sql("org_unit", args));
        }
        return w.toString();
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
        return i;
    }

    private static Activity entry(ResultSet rs) throws SQLException {
        return new Activity(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getObject(6, LocalDate.class), rs.getBigDecimal(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class), rs.getObject(11, OffsetDateTime.class), rs.getString(12));
    }
}
