package mx.gob.dif.programs.activity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.deploy.testing.TestInfra;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.Topics;
import mx.gob.dif.messaging.DurableProducer;
import mx.gob.dif.messaging.TransactionFailure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static mx.gob.dif.programs.activity.ActivityTopic.appendedSince;
import static mx.gob.dif.programs.activity.ActivityTopic.endOffsets;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, "202 means durable", on the real broker and database: a report the client was told is
 * accepted reaches the ledger even when the ledger write after the Kafka commit fails (the ledger
 * loop repairs it from the topic), can then be read and retracted, and a Kafka transaction that
 * fails in part leaves nothing any consumer of the platform (read_committed) will ever see.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class ActivityDurabilityTest {
    private static final String NOTE = "Visita a la familia Ficticia Inventada";
    private static boolean planned;

    @Inject
    AgroalDataSource ds;

    @Inject
    DurableProducer producer;

    @BeforeEach
    void plan() throws Exception {
        if (!planned) {
            String demo = Files.readString(Path.of("../deploy/demo/pat-2021-municipal-durango.json"), StandardCharsets.UTF_8).trim();
            RestAssured.given().auth().oauth2(TestTokens.administrator()).contentType("application/json")
                    .body("{\"orgUnit\":\"10005\",\"fiscalYear\":2021," + demo.substring(1))
                    .post("/api/v1/work-plans/import").then().statusCode(oneOf(200, 201));
            planned = true;
        }
        sql("""
                create table if not exists ledger_fault(id uuid primary key);
                create or replace function ledger_fault() returns trigger language plpgsql as $$
                begin
                  if exists (select 1 from ledger_fault f where f.id = new.id) then
                    raise exception 'simulated ledger failure';
                  end if;
                  return new;
                end $$;
                drop trigger if exists ledger_fault on activity;
                create trigger ledger_fault before insert on activity for each row execute function ledger_fault();""");
    }

    @AfterEach
    void noFault() throws Exception {
        sql("drop trigger if exists ledger_fault on activity; delete from ledger_fault;");
    }

    @Test
    void aLedgerWriteThatFailsAfterTheKafkaCommitIsRepairedFromTheTopic() throws Exception {
        String id = acceptedWhileTheLedgerFails();
        // never 404 for a report that got 202: while the ledger loop catches up the answer is 200 or, after a wait, 503
        untilNot503(200, () -> given().get("/api/v1/activities/" + id).then().extract().statusCode());
        assertTrue(ledgerHas(id), "the ledger loop wrote the row from the topic");
        given().get("/api/v1/activities/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("status", equalTo("ACTIVE")).body("note", equalTo(NOTE))
                .body("planOrgUnit", equalTo("10005")).body("date", equalTo("2021-03-14")).body("quantity", equalTo(80));
        given().get("/api/v1/activities?orgUnit=10005&indicator=DIF-01-03&from=2021-03-14&to=2021-03-14&size=500").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(id));
        // a resend is recognised again: nothing more is published
        Map<TopicPartition, Long> before = endOffsets();
        given().contentType("application/json").body(ActivityApiTest.valid(id)).post("/api/v1/activities").then().statusCode(202)
                .body("accepted", equalTo(0)).body("alreadyKnown", equalTo(1));
        assertEquals(before, endOffsets());
    }

    @Test
    void aReportWhoseLedgerRowIsMissingIsRetracted() throws Exception {
        String id = acceptedWhileTheLedgerFails();
        Map<TopicPartition, Long> before = endOffsets();
        // the row is written by the ledger loop while the retraction waits for it (a client retries a 503)
        untilNot503(202, () -> given().contentType("application/json").body("{\"reason\":\"Duplicado del reporte de la familia Ficticia\"}")
                .post("/api/v1/activities/" + id + "/retraction").then().extract().statusCode());
        given().get("/api/v1/activities/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("status", equalTo("RETRACTED"))
                .body("retractionReason", equalTo("Duplicado del reporte de la familia Ficticia")).body("note", equalTo(NOTE));
        List<ConsumerRecord<String, String>> records = appendedSince(before);
        assertEquals(1, records.size());
        assertEquals(EventTypes.ACTIVITY_RETRACTED, EventJson.MAPPER.readTree(records.get(0).value()).get("type").asText());
        assertFalse(records.get(0).value().contains("Ficticia"), "the reason stays out of Kafka");
    }

    /**
     * One report accepted (202) while every ledger write of its id fails; returns its id once the
     * fault is gone (at once: a write that keeps failing while the database answers would be
     * dead-lettered by the loop after a few seconds, as a poison event).
     */
    private String acceptedWhileTheLedgerFails() throws Exception {
        String id = UUID.randomUUID().toString();
        sql("insert into ledger_fault values ('" + id + "')");
        Map<TopicPartition, Long> before = endOffsets();
        given().contentType("application/json").body(ActivityApiTest.valid(id)).post("/api/v1/activities").then().statusCode(202)
                .body("accepted", equalTo(1)).body("ids[0]", equalTo(id));
        assertFalse(ledgerHas(id), "the request's ledger write failed");
        sql("delete from ledger_fault");
        List<ConsumerRecord<String, String>> records = appendedSince(before);
        assertEquals(1, records.size(), "the report is on Kafka");
        assertEquals(id, EventJson.MAPPER.readTree(records.get(0).value()).get("id").asText());
        return id;
    }

    /** Repeats a call while it answers 503 (what a client does), up to 60 s; then it must answer {@code expected}. */
    private static void untilNot503(int expected, java.util.function.IntSupplier call) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = call.getAsInt();
        while (status == 503 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = call.getAsInt();
        }
        assertEquals(expected, status);
    }

    @Test
    void aTransactionThatFailsInPartLeavesNothingForTheConsumers() throws Exception {
        String id = UUID.randomUUID().toString();
        ActivityReported r = new ActivityReported(id, "DIF-01-03", "10005", "10005", 2021, LocalDate.of(2021, 3, 14), BigDecimal.TEN);
        Map<TopicPartition, Long> before = endOffsets();
        // the first record is written to the broker; the second cannot be (a partition the topic does not have: the
        // producer waits max.block.ms for it, meanwhile the first is acknowledged)
        TransactionFailure f = assertThrows(TransactionFailure.class, () -> producer.sendAtomically(List.of(
                producer.record(Topics.ACTIVITIES, r.key(), CloudEvent.of(id, "/test", EventTypes.ACTIVITY_REPORTED, r.key(), r)),
                new ProducerRecord<>(Topics.ACTIVITIES, 999, r.key(), "{}"))));
        assertFalse(f.uncertain(), "an aborted transaction is a certain failure");

        assertTrue(uncommittedValues(before).stream().anyMatch(v -> v.contains(id)), "the first record did reach the broker");
        assertEquals(List.of(), appendedSince(before), "but no read_committed consumer ever sees it");
        given().get("/api/v1/activities/" + id).then().statusCode(404);
        assertFalse(ledgerHas(id));
    }

    @Test
    void anEventTheLedgerCannotHoldIsDeadLetteredAndTheLoopGoesOn() throws Exception {
        String poison = UUID.randomUUID().toString();
        String valid = UUID.randomUUID().toString();
        ActivityReported bad = new ActivityReported(poison, "DIF-01-03", "1".repeat(300), "10005", 2021, LocalDate.of(2021, 3, 14),
                BigDecimal.ONE);
        ActivityReported good = new ActivityReported(valid, "DIF-01-03", "10005", "10005", 2021, LocalDate.of(2021, 3, 15),
                BigDecimal.ONE);
        // both written straight to the topic (no request: no note, no ledger write but the loop's), on the same partition
        long offset = producer.send(Topics.ACTIVITIES, good.key(), CloudEvent.of(poison, "/test", EventTypes.ACTIVITY_REPORTED,
                good.key(), bad)).get().offset();
        producer.send(Topics.ACTIVITIES, good.key(), CloudEvent.of(valid, "/test", EventTypes.ACTIVITY_REPORTED, good.key(), good)).get();

        await(() -> ledgerHas(valid), "the report after the poison is in the ledger");
        given().get("/api/v1/activities/" + valid).then().statusCode(200).body("date", equalTo("2021-03-15"));
        assertFalse(ledgerHas(poison));
        ConsumerRecord<String, String> dead = deadLetter(ActivityLedgerLoop.GROUP, offset);
        assertTrue(header(dead, "dif-reason").contains("orgUnit"), header(dead, "dif-reason"));
        assertTrue(dead.value().contains(poison), "the record as it was");
    }

    // ---------------------------------------------------------------- helpers

    private static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(TestTokens.director("10"));
    }

    private void sql(String statements) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }

    private boolean ledgerHas(String id) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select 1 from activity where id = ?::uuid")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** What a read_uncommitted reader finds on the activity topic after {@code before}: also records of aborted transactions. */
    private static List<String> uncommittedValues(Map<TopicPartition, Long> before) {
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = consumer("read_uncommitted")) {
            Map<TopicPartition, Long> end = c.endOffsets(before.keySet());
            c.assign(before.keySet());
            before.forEach(c::seek);
            long deadline = System.currentTimeMillis() + 30_000;
            while (end.entrySet().stream().anyMatch(e -> c.position(e.getKey()) < e.getValue()) && System.currentTimeMillis() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }

    /** The dead letter of {@code group} for the record at {@code offset} of the activity topic. */
    private static ConsumerRecord<String, String> deadLetter(String group, long offset) throws InterruptedException {
        try (KafkaConsumer<String, String> c = consumer("read_committed")) {
            c.subscribe(List.of(Topics.DEAD_LETTER));
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (group.equals(header(r, "dif-group")) && Topics.ACTIVITIES.equals(header(r, "dif-topic"))
                            && String.valueOf(offset).equals(header(r, "dif-offset"))) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no dead letter of " + group + " for offset " + offset + " within 60 s");
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, String> consumer(String isolation) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation), new StringDeserializer(), new StringDeserializer());
    }
}
