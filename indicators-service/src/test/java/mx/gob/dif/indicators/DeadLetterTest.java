package mx.gob.dif.indicators;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.EventWriter;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static mx.gob.dif.indicators.IndicatorsTestSupport.ALL_MONTHS;
import static mx.gob.dif.indicators.IndicatorsTestSupport.awaitValue;
import static mx.gob.dif.indicators.IndicatorsTestSupport.consumer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records the aggregates cannot take never stop the activity loop and are never dropped silently:
 * they go to dif.dead-letter as they were, with the reason, and a valid report sent after them is
 * aggregated. Its own state (28, Tamaulipas) so it shares the application and broker with the other tests.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_indicators"))
class DeadLetterTest {

    @Test
    void aMalformedRecordAndAnOverLongFieldAreDeadLetteredAndTheNextReportCounts() throws Exception {
        String run = UUID.randomUUID().toString();
        String notJson = "{not json " + run;
        ActivityReported overLong = new ActivityReported(UUID.randomUUID().toString(), "DL-01", "28001" + "9".repeat(20), "28", 2021,
                LocalDate.parse("2021-04-01"), new BigDecimal("5"));
        String overLongJson = EventWriter.write(CloudEvent.of(overLong.activityId(), "/test", EventTypes.ACTIVITY_REPORTED,
                overLong.key(), overLong));
        ActivityReported valid = new ActivityReported(UUID.randomUUID().toString(), "DL-01", "28001", "28", 2021,
                LocalDate.parse("2021-04-02"), new BigDecimal("7"));
        IndicatorsTestSupport events = IndicatorsTestSupport.events();
        events.orgUnit("MX", "México", "NATIONAL", null);
        events.orgUnit("28", "Tamaulipas", "STATE", "MX");
        events.orgUnit("28001", "Municipio 28001", "MUNICIPAL", "28");
        TargetChanged t = new TargetChanged("28", 2021, "DL", "Programa DL", "DL-01", "Acción DL-01", "DL-01", "Visita",
                new BigDecimal("100"), "SUM", null, ALL_MONTHS, false, null);
        events.send(Topics.CATALOG_TARGETS, t.key(), EventTypes.TARGET_CHANGED, t);
        events.flush();
        // same key as the valid report, so all three land in one partition in this order
        events.record(Topics.ACTIVITIES, valid.key(), notJson).get();
        events.record(Topics.ACTIVITIES, valid.key(), overLongJson).get();
        events.report(valid);
        events.flush();
        awaitValue("DL-01", "28001", "2021", "7");
        awaitValue("DL-01", "28", "2021", "7");

        Map<String, ConsumerRecord<String, String>> dead = deadLetters(List.of(notJson, overLongJson));
        ConsumerRecord<String, String> first = dead.get(notJson);
        assertNotNull(first, "the record that is not JSON is on " + Topics.DEAD_LETTER);
        assertEquals(valid.key(), first.key());
        assertEquals(Topics.ACTIVITIES, header(first, "dif-topic"));
        assertTrue(header(first, "dif-reason").contains("not JSON"), header(first, "dif-reason"));
        ConsumerRecord<String, String> second = dead.get(overLongJson);
        assertNotNull(second, "the report with an over-long unit code is on " + Topics.DEAD_LETTER);
        assertTrue(header(second, "dif-reason").contains("orgUnit is longer than 16"), header(second, "dif-reason"));
        assertEquals(Topics.ACTIVITIES, header(second, "dif-topic"));
    }

    /** The dead letters whose value is one of {@code values} (records kept as they were). */
    private static Map<String, ConsumerRecord<String, String>> deadLetters(List<String> values) {
        Map<String, ConsumerRecord<String, String>> found = new HashMap<>();
        try (KafkaConsumer<String, String> c = consumer(Topics.DEAD_LETTER, "earliest")) {
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline && found.size() < values.size()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (values.contains(r.value())) {
                        found.put(r.value(), r);
                    }
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
