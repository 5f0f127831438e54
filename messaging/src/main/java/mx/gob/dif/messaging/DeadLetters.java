package mx.gob.dif.messaging;

import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Records a consumer cannot use go to {@link Topics#DEAD_LETTER} as they were, with the reason and
 * their origin in headers, and are acknowledged there before the loop moves past them: nothing is
 * dropped silently. The log names the record's position and the reason, never its body.
 */
final class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private final DurableProducer producer;

    DeadLetters(DurableProducer producer) {
        this.producer = producer;
    }

    void send(String group, String topic, int partition, long offset, String key, String value, String reason) throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>(Topics.DEAD_LETTER, key, value);
        header(r, "dif-reason", reason);
        header(r, "dif-group", group);
        header(r, "dif-topic", topic);
        header(r, "dif-partition", Integer.toString(partition));
        header(r, "dif-offset", Long.toString(offset));
        producer.send(r).get(30, TimeUnit.SECONDS);
        LOG.warnf("Dead-lettered %s-%d@%d (group %s): %s", topic, partition, offset, group, reason);
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
