package mx.gob.dif.deploy.testing;

import mx.gob.dif.deploy.infra.InfraDir;
import mx.gob.dif.deploy.infra.KafkaBroker;
import mx.gob.dif.deploy.infra.PostgresServer;
import mx.gob.dif.deploy.infra.Processes;
import mx.gob.dif.deploy.infra.TopicSpec;

import java.nio.file.Path;

/**
 * One real PostgreSQL server and one real Kafka broker per test JVM, on free ports, in a fresh
 * directory under {@code target/}. Stopped when the JVM exits (PostgreSQL's data is then deleted).
 */
public final class TestInfra {
    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    private TestInfra() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            try {
                Path dir = freshDir("postgres");
                postgres = new PostgresServer(InfraDir.locate(), dir, Processes.freePort());
                postgres.start();
                PostgresServer started = postgres;
                // its data may live outside target/ (see PostgresServer): nothing a test made outlives the JVM
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.stopAndDeleteData();
                    } catch (java.io.IOException e) {
                        System.err.println("Could not delete the test PostgreSQL data: " + e.getMessage());
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the test PostgreSQL server", e);
            }
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            try {
                Path dir = freshDir("kafka");
                kafka = new KafkaBroker(InfraDir.locate(), dir, Processes.freePort(), Processes.freePort(), "384m");
                kafka.start();
                KafkaBroker started = kafka;
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
                kafka.ensureTopics(TopicSpec.platformTopics());
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the test Kafka broker", e);
            }
        }
        return kafka;
    }

    private static Path freshDir(String name) throws java.io.IOException {
        Path dir = Path.of("target", "test-infra", name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
        Processes.run(java.util.List.of("rm", "-rf", dir.toString()), null, java.time.Duration.ofMinutes(1));
        java.nio.file.Files.createDirectories(dir);
        return dir;
    }
}
