package mx.gob.dif.deploy.chaos;

import mx.gob.dif.deploy.Launcher;
import mx.gob.dif.deploy.Stack;
import mx.gob.dif.deploy.infra.Processes;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.EventWriter;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Breaks one thing at a time, the way it breaks in production, and has the launcher bring back what
 * it killed with the same start code as {@code ./dif up}: {@link #inject} returns once the broken
 * component serves again (or throws when it does not come back).
 */
final class Injector {
    private final Stack stack;
    private final Launcher launcher;
    private final Profile profile;

    Injector(Stack stack, Launcher launcher, Profile profile) {
        this.stack = stack;
        this.launcher = launcher;
        this.profile = profile;
    }

    void inject(Fault fault) throws Exception {
        switch (fault) {
            case POISON_EVENT -> poison(fault.indicator());
            case FREEZE_POSTGRES -> freeze(fault.component(), profile.freeze());
            case RESTART_KEYCLOAK -> restart(fault.component());
            default -> {
                kill9(fault.component());
                ReportingClient.pause(profile.outage());
                restart(fault.component());
            }
        }
    }

    /** SIGKILL to the process and everything it started (PostgreSQL's backends die with their postmaster's host). */
    private void kill9(String component) throws IOException {
        List<Long> tree = tree(component);
        signal("KILL", tree);
        for (long pid : tree) {
            Processes.waitUntil(() -> !Processes.isAlive(pid), Duration.ofSeconds(20));
        }
    }

    /** SIGSTOP to the process and its children (no connection is refused: they hang), SIGCONT after {@code howLong}. */
    private void freeze(String component, Duration howLong) throws IOException {
        List<Long> tree = tree(component);
        signal("STOP", tree);
        try {
            ReportingClient.pause(howLong);
        } finally {
            signal("CONT", tree);
        }
    }

    private List<Long> tree(String component) {
        long pid = launcher.pidOf(component).orElseThrow(() -> new IllegalStateException(component + " is not running"));
        List<Long> tree = new ArrayList<>();
        tree.add(pid);
        ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> tree.add(d.pid())));
        return tree;
    }

    private static void signal(String signal, List<Long> pids) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(p -> cmd.add(Long.toString(p)));
        try {
            Processes.run(cmd, null, Duration.ofSeconds(10));
        } catch (IOException e) {
            // a backend that ended by itself in between is no reason to stop; the process itself must have got it
            if (Processes.isAlive(pids.getFirst()) && !"CONT".equals(signal) && !"STOP".equals(signal)) {
                throw e;
            }
        }
    }

    private void restart(String component) throws Exception {
        if (!launcher.restart(component)) {
            throw new IllegalStateException(component + " did not come back; see " + stack.logs());
        }
    }

    /**
     * Writes, to every partition of the activity topic, what no consumer can apply: bytes that are not
     * JSON, and a well-formed report whose orgUnit (300 characters) no database column takes.
     */
    private void poison(String indicator) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            String unit = "9".repeat(300);
            ActivityReported report = new ActivityReported(UUID.randomUUID().toString(), indicator, unit, "10",
                    ReportingClient.YEAR, LocalDate.of(ReportingClient.YEAR, 6, 1), BigDecimal.ONE);
            String tooLong = EventWriter.write(CloudEvent.of(report.activityId(), "/chaos", EventTypes.ACTIVITY_REPORTED,
                    report.key(), report));
            for (PartitionInfo p : producer.partitionsFor(Topics.ACTIVITIES)) {
                producer.send(new ProducerRecord<>(Topics.ACTIVITIES, p.partition(), "caos", "esto no es JSON {"));
                producer.send(new ProducerRecord<>(Topics.ACTIVITIES, p.partition(), report.key(), tooLong));
            }
            producer.flush();
        }
    }
}
