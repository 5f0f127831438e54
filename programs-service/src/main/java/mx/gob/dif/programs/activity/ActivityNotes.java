package mx.gob.dif.programs.activity;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Table {@code activity_note}: what a request brings that never goes to Kafka (personal data): a
 * report's note and who sent it, a retraction's reason and who withdrew it. Written on the request
 * path BEFORE the event is published, so whatever fails after the Kafka commit, the ledger row the
 * {@link ActivityLedgerLoop} writes from the topic finds it. A row without a ledger row therefore
 * means "published, or being published, or failed": {@link ActivityService} waits for the ledger
 * then, instead of answering 404; rows of failed requests are deleted ({@link #forget}, or
 * {@link #purgeOrphans} when that failed too).
 */
@ApplicationScoped
public class ActivityNotes {
    private static final Logger LOG = Logger.getLogger(ActivityNotes.class);
    private final AgroalDataSource ds;

    public ActivityNotes(AgroalDataSource ds) {
        this.ds = ds;
    }

    /**
     * One row per report about to be published, {@code reports.get(i)} sent by {@code receivedBy.get(i)}
     * (a group commit holds several requests); the ids must be distinct (one statement cannot upsert a
     * row twice). A row of an id the ledger does not know (an earlier attempt that failed) is
     * replaced; a published report's row is never changed.
     */
    public void save(List<ReportValidator.Valid> reports, List<String> receivedBy) throws SQLException {
        int n = reports.size();
        UUID[] ids = new UUID[n];
        String[] notes = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = reports.get(i).id();
            notes[i] = reports.get(i).note();
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into activity_note(id, note, received_by)
                     select u.id, u.note, u.received_by from unnest(?::uuid[], ?::text[], ?::text[]) as u(id, note, received_by)
                     on conflict (id) do update set note = excluded.note, received_by = excluded.received_by, received_at = now()
                     where not exists (select 1 from activity a where a.id = activity_note.id)""")) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            ps.setArray(2, c.createArrayOf("text", notes));
            ps.setArray(3, c.createArrayOf("text", receivedBy.toArray()));
            ps.executeUpdate();
        }
    }

    /** Before a retraction is published: its reason is shown once the ledger says RETRACTED. */
    public void retraction(UUID id, String reason, String user) throws SQLException {
        // an upsert: a report another system wrote to the topic has no row yet
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into activity_note(id, reason, retracted_by) values (?, ?, ?)
                     on conflict (id) do update set reason = excluded.reason, retracted_by = excluded.retracted_by""")) {
            ps.setObject(1, id);
            ps.setString(2, reason);
            ps.setString(3, user);
            ps.executeUpdate();
        }
    }

    /** True when a request got as far as publishing this report (it may be in the ledger or on its way). */
    public boolean exists(UUID id) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select 1 from activity_note where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * After a transaction that certainly did not commit: its reports' rows go (best effort; a row
     * left behind is removed by {@link #purgeOrphans}).
     */
    public void forget(Collection<UUID> ids) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     delete from activity_note n where n.id = any(?) and not exists (select 1 from activity a where a.id = n.id)""")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Could not delete the notes of %d unpublished reports (the purge will): %s", ids.size(), e.getMessage());
        }
    }

    /**
     * Deletes rows of reports that never reached the ledger although they are older than
     * {@code age}. Call only while the ledger loop has read the whole topic: a report that got its
     * 202 longer ago than any Kafka transaction can stay open is then in the ledger.
     */
    public int purgeOrphans(Duration age) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     delete from activity_note n where n.received_at < now() - ?::interval
                       and not exists (select 1 from activity a where a.id = n.id)""")) {
            ps.setString(1, age.toSeconds() + " seconds");
            return ps.executeUpdate();
        }
    }
}
