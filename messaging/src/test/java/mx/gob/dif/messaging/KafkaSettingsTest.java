package mx.gob.dif.messaging;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaSettingsTest {
    @Test
    void takesEveryKeyUnderThePrefixAsTheClientProperty() {
        Map<String, String> config = Map.of("dif.kafka.producer.acks", "all", "dif.kafka.producer.linger.ms", "5",
                "dif.kafka.consumer.isolation.level", "read_committed", "kafka.bootstrap.servers", "x:1", "dif.kafka.producer.", "");
        Map<String, Object> producer = KafkaSettings.from(KafkaSettings.PRODUCER, config.keySet(), config::get);
        assertEquals(Map.of("acks", "all", "linger.ms", "5"), producer);
        assertEquals(Map.of("isolation.level", "read_committed"),
                KafkaSettings.from(KafkaSettings.CONSUMER, List.copyOf(config.keySet()), config::get));
    }

    /** The durability promise of the platform (ARCHITECTURE: acks=all) is in the shipped configuration. */
    @Test
    void theShippedProducerIsDurable() throws Exception {
        Properties shipped = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shipped.load(in);
        }
        Map<String, Object> producer = KafkaSettings.from(KafkaSettings.PRODUCER, shipped.stringPropertyNames(), shipped::getProperty);
        assertEquals("all", producer.get("acks"));
        assertEquals("true", producer.get("enable.idempotence"));
        Map<String, Object> consumer = KafkaSettings.from(KafkaSettings.CONSUMER, shipped.stringPropertyNames(), shipped::getProperty);
        assertEquals("read_committed", consumer.get("isolation.level"));
        assertEquals("false", consumer.get("enable.auto.commit"));
    }
}
