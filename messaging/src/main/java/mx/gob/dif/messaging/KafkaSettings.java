package mx.gob.dif.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Kafka client properties read from configuration: every key under {@code dif.kafka.producer.}
 * (or {@code dif.kafka.consumer.}) is handed to the Kafka client as it is. The platform's values
 * (acks=all, idempotence, batching, timeouts, read_committed) live in this module's
 * {@code META-INF/microprofile-config.properties}, so a service or an operator changes them with a
 * property or an environment variable, never in code.
 */
final class KafkaSettings {
    static final String PRODUCER = "dif.kafka.producer.";
    static final String CONSUMER = "dif.kafka.consumer.";

    private KafkaSettings() {
    }

    /** Map<String, Object> because that is what the Kafka client constructors take. */
    static Map<String, Object> from(String prefix, Iterable<String> propertyNames, Function<String, String> value) {
        Map<String, Object> props = new HashMap<>();
        for (String name : propertyNames) {
            if (name.startsWith(prefix) && name.length() > prefix.length()) {
                props.put(name.substring(prefix.length()), value.apply(name));
            }
        }
        return props;
    }
}
