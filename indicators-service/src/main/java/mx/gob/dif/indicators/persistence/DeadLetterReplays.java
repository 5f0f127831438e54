package mx.gob.dif.indicators.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** When each dead letter was last replayed (table dead_letter_replay), keyed by its partition and offset. */
@ApplicationScoped
public class DeadLetterReplays {
    private final AgroalDataSource ds;

    public DeadLetterReplays(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** A dead letter's position on its topic. */
    public record Position(int partition, long offset) {
    }

    public void mark(Position p, Instant at) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into dead_letter_replay (partition_no, offset_no, replayed_at) values (?, ?, ?)
                on conflict (partition_no, offset_no) do update set replayed_at = excluded.replayed_at""")) {
            ps.setInt(1, p.partition());
            ps.setLong(2, p.offset());
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last replay of each of {@code positions} that was replayed. */
    public Map<Position, Instant> of(Set<Position> positions) {
        Map<Position, Instant> out = new HashMap<>();
        if (positions.isEmpty()) {
            return out;
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select partition_no, offset_no, replayed_at from dead_letter_replay where offset_no = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", positions.stream().map(Position::offset).toArray(Long[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Position p = new Position(rs.getInt(1), rs.getLong(2));
                    if (positions.contains(p)) {
                        out.put(p, rs.getTimestamp(3).toInstant());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
