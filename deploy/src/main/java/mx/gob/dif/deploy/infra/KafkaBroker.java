package mx.gob.dif.deploy.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker + controller, no ZooKeeper) run as its
 * own JVM from the Kafka jars on Maven Central. Storage is formatted on first start only.
 */
public final class KafkaBroker {
    private final Path libs;
    private final Path baseDir;
    private final int port;
    private final int controllerPort;
    private final String heap;

    public KafkaBroker(Path infraDir, Path baseDir, int port, int controllerPort, String heap) {
        this.libs = infraDir.resolve("kafka/libs");
        this.baseDir = baseDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return baseDir.resolve("kafka.log");
    }

    public Path pidFile() {
        return baseDir.resolve("kafka.pid");
    }

    public boolean isRunning() {
        return Processes.readPid(pidFile()).map(Processes::isAlive).orElse(false) && Processes.isListening(port);
    }

    public long start() throws IOException {
        Path data = baseDir.resolve("data");
        Files.createDirectories(data);
        Path props = baseDir.resolve("server.properties");
        Files.writeString(props, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + data,
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // a typo in a topic name fails loudly instead of writing to a topic nobody reads
                "auto.create.topics.enable=false",
                "log.retention.hours=-1",
                ""));
        Path log4j = baseDir.resolve("log4j2.properties");
        Files.writeString(log4j, String.join("\n",
                "rootLogger.level=" + System.getenv().getOrDefault("DIF_KAFKA_LOG_LEVEL", "WARN"),
                "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=%d %-5p [%c{1}] %m%n",
                "logger.kafka.name=kafka.server.KafkaRaftServer",
                "logger.kafka.level=INFO",
                ""));
        String cp = libs + "/*";
        if (!Files.exists(data.resolve("meta.properties"))) {
            Processes.run(List.of(Processes.javaExecutable(), "-cp", cp, "kafka.tools.StorageTool", "format",
                    // "=" form: a random id may start with '-' and must not be read as an option
                    "--cluster-id=" + clusterId(), "--config=" + props), baseDir, Duration.ofMinutes(2));
        }
        List<String> command = List.of(Processes.javaExecutable(), "-Xms" + heap, "-Xmx" + heap,
                "-XX:+UseG1GC", "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4j, "-cp", cp, "kafka.Kafka", props.toString());
        long pid = Processes.startDetached(command, baseDir, Map.of(), logFile(), pidFile());
        boolean up = Processes.waitUntil(() -> Processes.isListening(port) || !Processes.isAlive(pid), Duration.ofSeconds(90));
        if (!up || !Processes.isAlive(pid)) {
            throw new IOException("Kafka no arrancó en el puerto " + port + ". Últimas líneas del log:\n" + Processes.tail(logFile(), 30));
        }
        return pid;
    }

    public void stop() {
        Processes.readPid(pidFile()).ifPresent(pid -> Processes.stop(pid, Duration.ofSeconds(30)));
    }

    /** Creates the topics that do not exist yet (idempotent). */
    public void ensureTopics(List<TopicSpec> topics) throws IOException {
        ensureTopics(bootstrapServers(), topics);
    }

    /** Creates the topics that do not exist yet on any cluster (the launcher's or an external one). */
    public static void ensureTopics(String bootstrapServers, List<TopicSpec> topics) throws IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30000))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name()))
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) t.replicationFactor()).configs(t.config())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IOException("No se pudieron crear los tópicos de Kafka: " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private Path clusterIdFile() {
        return baseDir.resolve("cluster.id");
    }

    private String clusterId() throws IOException {
        if (Files.exists(clusterIdFile())) {
            return Files.readString(clusterIdFile()).trim();
        }
        UUID u = UUID.randomUUID();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
        String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
        Files.writeString(clusterIdFile(), id);
        return id;
    }
}
