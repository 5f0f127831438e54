package mx.gob.dif.indicators;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import mx.gob.dif.deploy.testing.TestInfra;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.CaseEvent;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.EventWriter;
import mx.gob.dif.events.OrgUnitChanged;
import mx.gob.dif.events.SchemaValidator;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static mx.gob.dif.indicators.TestCallers.asAdministrator;
import static mx.gob.dif.indicators.TestCallers.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the indicators tests share: events published on the real broker ({@link #events()}), and waiting on
 * the REST API until the consumers have applied them.
 */
public final class IndicatorsTestSupport {
    /** A monthly calendar: every month of the year. */
    public static final List<Integer> ALL_MONTHS = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    /** How often a wait asks again: short, because one test measures how fresh a value is. */
    private static final long POLL_MILLIS = 20;

    private static IndicatorsTestSupport shared;

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new StringSerializer());

    private IndicatorsTestSupport() {
    }

    /** One producer for every test class of this JVM (they share the application and the broker); closed when the JVM ends. */
    public static synchronized IndicatorsTestSupport events() {
        if (shared == null) {
            shared = new IndicatorsTestSupport();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** An event as a producing service would send it, with a fresh id; the test's own events must follow the schemas. */
    public void send(String topic, String key, String type, Object data) {
        publish(UUID.randomUUID().toString(), "/test", topic, key, type, data);
    }

    public void orgUnit(String code, String name, String level, String parent) {
        send(Topics.ORG_UNITS, code, EventTypes.ORG_UNIT_CHANGED, new OrgUnitChanged(code, name, level, parent));
    }

    /** A report whose event id is its activity id, as programs-service sends it (a resend repeats both). */
    public void report(ActivityReported a) {
        publish(a.activityId(), "/test", Topics.ACTIVITIES, a.key(), EventTypes.ACTIVITY_REPORTED, a);
    }

    /** A report as programs-service sends it, received (the CloudEvent {@code time}) at the given instant. */
    public void report(ActivityReported a, OffsetDateTime receivedAt) {
        publish(a.activityId(), "/test", Topics.ACTIVITIES, a.key(), EventTypes.ACTIVITY_REPORTED, a, receivedAt);
    }

    /** A case event as cases-service sends it; {@code id} is the event id (a redelivery repeats it). */
    public void caseEvent(String id, CaseEvent e) {
        publish(id, "/cases-service", Topics.CASE_EVENTS, e.key(), EventTypes.CASE_CHANGED, e);
    }

    /** A record as it is, not checked against any schema: for what the consumers must refuse. */
    public Future<RecordMetadata> record(String topic, String key, String value) {
        return record(new ProducerRecord<>(topic, key, value));
    }

    /** A record as it is, with its headers (a dead letter as the loops write it, or as a foreign producer might). */
    public Future<RecordMetadata> record(ProducerRecord<String, String> r) {
        return producer.send(r);
    }

    public void flush() {
        producer.flush();
    }

    private void close() {
        producer.close();
    }

    private void publish(String id, String source, String topic, String key, String type, Object data) {
        publish(id, source, topic, key, type, data, OffsetDateTime.now());
    }

    private void publish(String id, String source, String topic, String key, String type, Object data, OffsetDateTime time) {
        String json = EventWriter.write(new CloudEvent<>("1.0", id, source, type, time, key, "application/json", data));
        List<String> errors;
        try {
            errors = SchemaValidator.validate(EventJson.MAPPER.readTree(json));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertTrue(errors.isEmpty(), "the test's own events follow the schemas: " + errors + " in " + json);
        record(topic, key, json);
    }

    /** A pseudonymous case reference of the shape cases-service sends (a SHA-256 in hex). */
    public static String caseRef() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A consumer of {@code topic} in a group of its own, from "earliest" or "latest"; the caller closes it. */
    public static KafkaConsumer<String, String> consumer(String topic, String offsetReset) {
        KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, offsetReset), new StringDeserializer(), new StringDeserializer());
        c.subscribe(List.of(topic));
        return c;
    }

    /**
     * Asks {@code probe} until {@code done} accepts its answer or {@code seconds} have passed: the consumers apply
     * events asynchronously. Returns the last answer either way, for the caller's assertion to name.
     */
    public static <T> T poll(int seconds, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        T last = probe.get();
        while (!done.test(last) && System.currentTimeMillis() < deadline) {
            sleep(POLL_MILLIS);
            last = probe.get();
        }
        return last;
    }

    /** The value of an indicator, or null while it has none (not 200). */
    public static BigDecimal value(String code, String unit, String period) {
        Response r = given().get("/api/v1/indicators/" + code + "?orgUnit=" + unit + "&period=" + period);
        return r.statusCode() == 200 ? new BigDecimal(r.jsonPath().getString("value")) : null;
    }

    /** Waits (at most 15 s) until the indicator has the value {@code expected}. */
    public static void awaitValue(String code, String unit, String period, String expected) {
        BigDecimal want = new BigDecimal(expected);
        BigDecimal v = poll(15, () -> value(code, unit, period), got -> got != null && got.compareTo(want) == 0);
        assertEquals(want, v, code + " " + unit + " " + period);
    }

    /** Asks for a rebuild from the log and waits (at most 30 s) until it is done; returns its final status. */
    public static ValidatableResponse rebuild() {
        asAdministrator().post("/api/v1/admin/rebuild").then().statusCode(202).body("state", equalTo("REQUESTED"));
        poll(30, () -> asAdministrator().get("/api/v1/admin/rebuild").then().extract().<String>path("state"), "COMPLETED"::equals);
        return asAdministrator().get("/api/v1/admin/rebuild").then().body("state", equalTo("COMPLETED"));
    }

    /** Numbers compared by value: the API may answer 75 or 75.00. */
    public static void assertDecimal(String expected, Response r, String path) {
        String s = r.jsonPath().getString(path);
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(s)), path + " = " + s);
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
