package mx.gob.dif.messaging;

import org.apache.kafka.common.TopicPartition;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a consumer group resumes, kept in the service's own {@code consumer_offset} table and
 * written in the same transaction as the data the events produced: a crash between the database
 * commit and Kafka's offset commit then replays nothing twice.
 */
final class StoredOffsets implements Positions {
    private final DataSource ds;

    StoredOffsets(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public Map<TopicPartition, Long> read(String group) throws SQLException {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select topic, partition_no, next_offset from consumer_offset where consumer_group = ?")) {
            ps.setString(1, group);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            }
        }
        return stored;
    }

    @Override
    public void store(String group, Map<TopicPartition, Long> next) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into consumer_offset(consumer_group, topic, partition_no, next_offset) values (?,?,?,?)
                on conflict (consumer_group, topic, partition_no) do update set next_offset = excluded.next_offset""")) {
            for (Map.Entry<TopicPartition, Long> e : next.entrySet()) {
                ps.setString(1, group);
                ps.setString(2, e.getKey().topic());
                ps.setInt(3, e.getKey().partition());
                ps.setLong(4, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public void forget(String group) throws SQLException {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from consumer_offset where consumer_group = ?")) {
            ps.setString(1, group);
            ps.executeUpdate();
        }
    }

    long sum() throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select coalesce(sum(next_offset), 0) from consumer_offset");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
