package mx.gob.dif.deploy.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's servers are real processes: kill -9 them and start them again on the same
 * directories, and everything that was acknowledged before the crash is still there.
 */
class CrashRecoveryTest {
    private static Path base;

    @BeforeAll
    static void dir() throws Exception {
        base = Path.of("target", "crash-test").toAbsolutePath();
        Processes.run(List.of("rm", "-rf", base.toString()), null, Duration.ofMinutes(1));
    }

    @AfterAll
    static void cleanup() throws Exception {
        Processes.run(List.of("rm", "-rf", base.toString()), null, Duration.ofMinutes(1));
    }

    @Test
    void postgresKeepsCommittedRowsAfterKill9() throws Exception {
        PostgresServer pg = new PostgresServer(InfraDir.locate(), base.resolve("pg"), Processes.freePort());
        pg.start();
        try {
            pg.ensureDatabase("crash", "crash", "crash");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("crash"), "crash", "crash")) {
                c.createStatement().execute("create table t(id int primary key)");
                c.createStatement().execute("insert into t select generate_series(1, 1000)");
            }
            long pid = Processes.readPid(pg.dataDir().resolve("postmaster.pid")).orElseThrow();
            Processes.kill9(pid);
            assertTrue(!Processes.isAlive(pid));

            pg.start();
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("crash"), "crash", "crash");
                 ResultSet rs = c.createStatement().executeQuery("select count(*), sum(id) from t")) {
                rs.next();
                assertEquals(1000, rs.getInt(1));
                assertEquals(500500, rs.getLong(2));
            }
        } finally {
            pg.stopAndDeleteData();
        }
    }

    @Test
    void kafkaKeepsAcknowledgedRecordsAfterKill9() throws Exception {
        KafkaBroker kafka = new KafkaBroker(InfraDir.locate(), base.resolve("kafka"), Processes.freePort(),
                Processes.freePort(), "384m");
        kafka.start();
        try {
            kafka.ensureTopics(List.of(new TopicSpec("crash", 3, Map.of())));
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 5000; i++) {
                    producer.send(new ProducerRecord<>("crash", "k" + (i % 17), "v" + i));
                }
                producer.flush();
            }
            Processes.kill9(Processes.readPid(kafka.pidFile()).orElseThrow());

            kafka.start();
            Set<String> seen = new HashSet<>();
            try (var consumer = new KafkaConsumer<String, String>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "crash-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("crash"));
                long deadline = System.currentTimeMillis() + 60_000;
                while (seen.size() < 5000 && System.currentTimeMillis() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.value()));
                }
            }
            assertEquals(5000, seen.size());
        } finally {
            kafka.stop();
        }
    }
}
