package mx.gob.dif.deploy.infra;

import mx.gob.dif.deploy.Stack;
import mx.gob.dif.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the platform's topics are specified for one machine and for a cluster; no broker needed. */
class TopicSpecTest {

    /** Brokers do not create topics on first use, so a topic of {@code Topics} missing here could not be written. */
    @Test
    void everyTopicOfThePlatformIsCreated() throws IllegalAccessException {
        Set<String> created = TopicSpec.platformTopics().stream().map(TopicSpec::name).collect(Collectors.toSet());
        Set<String> named = new HashSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                named.add((String) f.get(null));
            }
        }
        assertTrue(named.contains(Topics.ACTIVITIES) && named.contains(Topics.DEAD_LETTER), "topics named in Topics: " + named);
        assertEquals(named, created);
    }

    @Test
    void oneMachineByDefault() {
        Replication r = Replication.fromEnvironment(Map.of());
        assertEquals(new Replication(1, 1), r);
        for (TopicSpec t : TopicSpec.platformTopics(r)) {
            assertEquals(1, t.replicationFactor(), t.name());
            assertEquals("1", t.config().get("min.insync.replicas"), t.name());
        }
    }

    @Test
    void clusterSettingsReachEveryTopicAndKeepItsRetention() {
        Replication r = Replication.fromEnvironment(Map.of(Replication.FACTOR_VARIABLE, "3", Replication.MIN_INSYNC_VARIABLE, " 2 "));
        for (TopicSpec t : TopicSpec.platformTopics(r)) {
            assertEquals(3, t.replicationFactor(), t.name());
            assertEquals("2", t.config().get("min.insync.replicas"), t.name());
        }
        TopicSpec activities = TopicSpec.platformTopics(r).stream().filter(t -> t.name().equals(Topics.ACTIVITIES)).findFirst().orElseThrow();
        assertEquals("-1", activities.config().get("retention.ms"));
        TopicSpec programs = TopicSpec.platformTopics(r).stream().filter(t -> t.name().equals(Topics.CATALOG_PROGRAMS)).findFirst().orElseThrow();
        assertEquals("compact", programs.config().get("cleanup.policy"));
    }

    @ParameterizedTest
    @CsvSource({
            "1, 2, DIF_KAFKA_MIN_INSYNC_REPLICAS=2 no puede ser mayor que DIF_KAFKA_REPLICATION_FACTOR=1",
            "0, 1, deben ser al menos 1",
            "3, 0, deben ser al menos 1",
            "-1, 1, deben ser al menos 1",
            "tres, 2, DIF_KAFKA_REPLICATION_FACTOR=tres no es un número entero",
            "3, 99999999999, DIF_KAFKA_MIN_INSYNC_REPLICAS=99999999999 no es un número entero"})
    void invalidSettingsAreRefusedInSpanish(String factor, String minInsync, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Replication.fromEnvironment(
                Map.of(Replication.FACTOR_VARIABLE, factor, Replication.MIN_INSYNC_VARIABLE, minInsync)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aReplicatedTopicNeedsAnExternalCluster() {
        Map<String, String> cluster = Map.of(Replication.FACTOR_VARIABLE, "3", Replication.MIN_INSYNC_VARIABLE, "2");
        Stack local = new Stack(Path.of("."), Path.of(".dif"), cluster);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, local::kafkaReplication);
        assertTrue(e.getMessage().contains("DIF_KAFKA_BOOTSTRAP"), e.getMessage());

        Map<String, String> external = new HashMap<>(cluster);
        external.put("DIF_KAFKA_BOOTSTRAP", "k1:9092,k2:9092,k3:9092");
        assertEquals(new Replication(3, 2), new Stack(Path.of("."), Path.of(".dif"), external).kafkaReplication());
    }
}
