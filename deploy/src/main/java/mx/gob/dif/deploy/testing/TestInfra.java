package mx.gob.dif.deploy.testing;

import mx.gob.dif.deploy.infra.InfraDir;
import mx.gob.dif.deploy.infra.KafkaBroker;
import mx.gob.dif.deploy.infra.PostgresServer;
import mx.gob.dif.deploy.infra.Processes;
import mx.gob.dif.deploy.infra.TopicSpec;

import java.nio.file.Path;

/**
 * One real PostgreSQL server and one real Kafka broker per test JVM, on free ports, in a fresh
 * directory under {@code target/}. Stopped when the JVM exits.
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
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
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
