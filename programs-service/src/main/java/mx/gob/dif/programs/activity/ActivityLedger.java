package mx.gob.dif.programs.activity;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.events.ActivityReported;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The ledger: table {@code activity}, every report on {@link mx.gob.dif.events.Topics#ACTIVITIES} as
 * this service accepted it, joined with {@code activity_note} ({@link ActivityNotes}: the note, the
 * retraction reason and who acted, which never go to Kafka). Used for idempotent resends, retraction
 * and listing. Rows are written from the events: after the Kafka commit by {@link ActivityService}
 * and, whatever failed there, by {@link ActivityLedgerLoop}; both writes are idempotent by id.
 * Plain JDBC because set-based SQL is the point here (the platform uses it only there): a request inserts up
 * to 10,000 rows in one {@code unnest} statement and lists filter by a unit-scope SQL condition.
 */
@ApplicationScoped
public class ActivityLedger {
    /** The reason is shown once the report is withdrawn (a retraction that failed on Kafka may have left one). */
    private static final String COLUMNS = """
            a.id, a.indicator, a.org_unit, a.plan_org_unit, a.fiscal_year, a.activity_date, a.quantity, n.note, a.status,
            a.received_at, a.retracted_at, case when a.status = 'RETRACTED' then n.reason end""";
    private static final String FROM = " from activity a left join activity_note n on n.id = a.id";

    private final AgroalDataSource ds;

    public ActivityLedger(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** One report as its {@code ActivityReported} event says, received (published) at {@code at}. */
    public record Entry(UUID id, String indicator, String orgUnit, String planOrgUnit, int fiscalYear, LocalDate date,
                        BigDecimal quantity, OffsetDateTime at) {
        static Entry of(ActivityReported r, OffsetDateTime at) {
            return new Entry(UUID.fromString(r.activityId()), r.indicator(), r.orgUnit(), r.planOrgUnit(), r.fiscalYear(),
                    r.date(), r.quantity(), at);
        }
    }

    /** The rows among these ids that already exist. */
    public Map<UUID, Activity> find(Collection<UUID> ids) {
        Map<UUID, Activity> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + FROM + " where a.id = any(?)")) {
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
     * Adds the reports not in the ledger yet, in one statement whatever their number: one array per
     * column, unnested server-side. Always the same SQL text, so PostgreSQL plans it once per connection.
     */
    public void record(List<Entry> reports) throws SQLException {
        if (reports.isEmpty()) {
            return;
        }
        // in id order: the request path and the ledger loop write the same rows at the same time, and two inserts that
        // take the unique index's locks in different orders deadlock (seen under load with group commit)
        reports = reports.stream().sorted(Comparator.comparing(Entry::id)).toList();
        int n = reports.size();
        UUID[] ids = new UUID[n];
        String[] indicators = new String[n];
        String[] units = new String[n];
        String[] planUnits = new String[n];
        Integer[] years = new Integer[n];
        String[] dates = new String[n];
        BigDecimal[] quantities = new BigDecimal[n];
        String[] times = new String[n];
        for (int i = 0; i < n; i++) {
            Entry v = reports.get(i);
            ids[i] = v.id();
            indicators[i] = v.indicator();
            units[i] = v.orgUnit();
            planUnits[i] = v.planOrgUnit();
            years[i] = v.fiscalYear();
            dates[i] = v.date().toString();
            quantities[i] = v.quantity();
            times[i] = v.at().toString();
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into activity(id, indicator, org_unit, plan_org_unit, fiscal_year, activity_date, quantity, received_at)
                     select u.id, u.indicator, u.org_unit, u.plan_org_unit, u.fiscal_year, u.activity_date, u.quantity, u.received_at
                     from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::date[], ?::numeric[], ?::timestamptz[])
                       as u(id, indicator, org_unit, plan_org_unit, fiscal_year, activity_date, quantity, received_at)
                     on conflict (id) do nothing""")) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            ps.setArray(2, c.createArrayOf("varchar", indicators));
            ps.setArray(3, c.createArrayOf("varchar", units));
            ps.setArray(4, c.createArrayOf("varchar", planUnits));
            ps.setArray(5, c.createArrayOf("int4", years));
            ps.setArray(6, c.createArrayOf("text", dates));
            ps.setArray(7, c.createArrayOf("numeric", quantities));
            ps.setArray(8, c.createArrayOf("text", times));
            ps.executeUpdate();
        }
    }

    /**
     * Marks these reports retracted (at the given time, unless they already were); returns the ids
     * the ledger knows, retracted now or before.
     */
    public Set<UUID> markRetracted(Map<UUID, OffsetDateTime> retractions) throws SQLException {
        Set<UUID> known = new HashSet<>();
        if (retractions.isEmpty()) {
            return known;
        }
        UUID[] ids = retractions.keySet().toArray(UUID[]::new);
        String[] times = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            times[i] = retractions.get(ids[i]).toString();
        }
        try (Connection c = ds.getConnection();
             PreparedStatement up = c.prepareStatement("""
                     update activity set status = 'RETRACTED', retracted_at = u.at
                     from unnest(?::uuid[], ?::timestamptz[]) as u(id, at)
                     where activity.id = u.id and activity.status = 'ACTIVE'""");
             PreparedStatement ps = c.prepareStatement("select id from activity where id = any(?)")) {
            up.setArray(1, c.createArrayOf("uuid", ids));
            up.setArray(2, c.createArrayOf("text", times));
            up.executeUpdate();
            ps.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return known;
    }

    /** Filter of a listing; null fields do not filter; {@code visible} keeps the units the caller may read. */
    public record Filter(String orgUnit, String indicator, LocalDate from, LocalDate to, String status, VisibleUnits visible) {
    }

    public long count(Filter f) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select count(*)" + FROM + where)) {
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
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + FROM + where
                     + " order by a.activity_date, a.received_at, a.id limit ? offset ?")) {
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
            w.append(" and a.org_unit = ?");
            args.add(f.orgUnit());
        }
        if (f.indicator() != null) {
            w.append(" and a.indicator = ?");
            args.add(f.indicator());
        }
        if (f.from() != null) {
            w.append(" and a.activity_date >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            w.append(" and a.activity_date <= ?");
            args.add(f.to());
        }
        if (f.status() != null) {
            w.append(" and a.status = ?");
            args.add(f.status());
        }
        if (f.visible() != null) {
            w.append(" and ").append(f.visible().sql("a.org_unit", args));
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
