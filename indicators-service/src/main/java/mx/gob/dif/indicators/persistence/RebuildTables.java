package mx.gob.dif.indicators.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The rebuild's shared state (rebuild_state, rebuild_partition; V300), the same for every instance of the
 * service. The generation row is the fence between a rebuild and the activity batches: a batch reads it
 * for share before it writes anything, the rebuild locks it for update before it clears the tables.
 */
@ApplicationScoped
public class RebuildTables {
    public static final String NONE = "NONE";
    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";

    /** The latest rebuild: its generation (0 before the first), state and times. */
    public record State(long generation, String state, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
        public boolean running() {
            return RUNNING.equals(state);
        }
    }

    private final AgroalDataSource ds;

    public RebuildTables(AgroalDataSource ds) {
        this.ds = ds;
    }

    public State read() throws SQLException {
        try (Connection c = ds.getConnection()) {
            return state(c, "");
        }
    }

    /** Inside an activity batch's transaction, first: waits while a rebuild clears the tables, then sees its generation. */
    public State fence(Connection c) throws SQLException {
        return state(c, " for share");
    }

    private static State state(Connection c, String lock) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select generation, state, started_at, finished_at from rebuild_state where id = 1" + lock)) {
            rs.next();
            return new State(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class));
        }
    }

    /**
     * Inside the rebuild's transaction: waits for the batches under way, clears the derived tables, records where each
     * partition ends and moves the generation. Returns the new state.
     */
    public State begin(Connection c, Map<TopicPartition, Long> ends) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeQuery("select generation from rebuild_state where id = 1 for update").close();
            st.execute("truncate activity, month_value, year_value, case_event, case_count");
            st.execute("delete from rebuild_partition");
        }
        try (PreparedStatement ps = c.prepareStatement("insert into rebuild_partition(topic, partition_no, end_offset) values (?,?,?)")) {
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                ps.setString(1, e.getKey().topic());
                ps.setInt(2, e.getKey().partition());
                ps.setLong(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.executeUpdate("update rebuild_state set generation = generation + 1, state = 'RUNNING', started_at = now(), finished_at = null");
            return state(c, "");
        }
    }

    /** Where each partition ended when the latest rebuild was asked for. */
    public Map<TopicPartition, Long> ends() throws SQLException {
        Map<TopicPartition, Long> out = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select topic, partition_no, end_offset from rebuild_partition")) {
            while (rs.next()) {
                out.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
            }
        }
        return out;
    }

    /** Marks that generation's rebuild done; false when another instance did it first (or a newer one began). */
    public boolean complete(long generation) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update rebuild_state set state = 'COMPLETED', finished_at = now() where generation = ? and state = 'RUNNING'")) {
            ps.setLong(1, generation);
            return ps.executeUpdate() == 1;
        }
    }
}
