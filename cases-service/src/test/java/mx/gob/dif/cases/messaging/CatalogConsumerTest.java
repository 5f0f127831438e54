package mx.gob.dif.cases.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.EventWriter;
import mx.gob.dif.events.ProgramChanged;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog read model on the platform's consumer loop: records that are not events, and events
 * whose values cannot be stored, go to the dead-letter topic with the reason instead of being
 * skipped silently or blocking the topic, and a valid event after them is applied.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_cases"))
class CatalogConsumerTest {
    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void badRecordsAreDeadLetteredWithTheirReasonAndDoNotStopTheCatalog() throws Exception {
        String year = "20" + (30 + (int) (Math.random() * 60));
        String tooLong = "9".repeat(300);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CATALOG_PROGRAMS, "bad-1", "esto no es JSON")).get();
            producer.send(new ProducerRecord<>(Topics.CATALOG_PROGRAMS, "bad-2", program(tooLong, year, "DIF-77"))).get();
            producer.send(new ProducerRecord<>(Topics.CATALOG_PROGRAMS, "good", program("10005", year, "DIF-77"))).get();
        }

        awaitProgram("10005", Integer.parseInt(year), "DIF-77");
        List<ConsumerRecord<String, String>> dead = deadLetters(r -> "bad-1".equals(r.key()) || "bad-2".equals(r.key()), 2);
        assertEquals(2, dead.size(), "both bad records are on " + Topics.DEAD_LETTER);
        for (ConsumerRecord<String, String> r : dead) {
            assertEquals(Topics.CATALOG_PROGRAMS, header(r, "dif-topic"));
            assertEquals("cases-catalog", header(r, "dif-group"));
        }
        assertTrue(header(byKey(dead, "bad-1"), "dif-reason").contains("not JSON"), header(byKey(dead, "bad-1"), "dif-reason"));
        assertTrue(header(byKey(dead, "bad-2"), "dif-reason").contains("planOrgUnit is longer than"), header(byKey(dead, "bad-2"), "dif-reason"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /**
     * An event that reads fine but can never be stored (here a trigger refuses it, as a constraint or a
     * bug would) blocks nothing for long: its batch is retried, then applied event by event, and the
     * poison alone goes to the dead-letter topic with the database's reason while the database answers.
     */
    @Test
    void anEventThatKeepsFailingWhileTheDatabaseAnswersIsDeadLetteredAndTheRestApplied() throws Exception {
        String year = "21" + (10 + (int) (Math.random() * 80));
        sql("""
                create or replace function refuse_poison() returns trigger language plpgsql as $$
                begin
                  if new.code = 'DIF-VENENO' then raise exception 'programa rechazado por la prueba'; end if;
                  return new;
                end $$""");
        sql("create trigger refuse_poison before insert or update on program_catalog for each row execute function refuse_poison()");
        try {
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                // one key: both on one partition, the valid one behind the poison
                producer.send(new ProducerRecord<>(Topics.CATALOG_PROGRAMS, "poison-" + year, program("10005", year, "DIF-VENENO"))).get();
                producer.send(new ProducerRecord<>(Topics.CATALOG_PROGRAMS, "poison-" + year, program("10005", year, "DIF-78"))).get();
            }

            awaitProgram("10005", Integer.parseInt(year), "DIF-78");
            List<ConsumerRecord<String, String>> dead = deadLetters(r -> ("poison-" + year).equals(r.key()), 1);
            assertEquals(1, dead.size(), "the poison alone is dead-lettered");
            assertTrue(dead.get(0).value().contains("DIF-VENENO"), "the record as it was on the topic");
            assertTrue(header(dead.get(0), "dif-reason").contains("could not be applied")
                    && header(dead.get(0), "dif-reason").contains("programa rechazado por la prueba"), header(dead.get(0), "dif-reason"));
        } finally {
            sql("drop trigger if exists refuse_poison on program_catalog");
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static String program(String unit, String year, String code) {
        return EventWriter.write(CloudEvent.of(UUID.randomUUID().toString(), "/test", EventTypes.PROGRAM_CHANGED, null,
                new ProgramChanged(unit, Integer.parseInt(year), code, "Programa de prueba", List.of("ENE"), List.of(code + "-01"), false)));
    }

    private void awaitProgram(String unit, int year, String code) throws Exception {
        long deadline = System.currentTimeMillis() + 40_000;
        while (System.currentTimeMillis() < deadline) {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select count(*) from program_catalog where org_unit = ? and fiscal_year = ? and code = ?")) {
                ps.setString(1, unit);
                ps.setInt(2, year);
                ps.setString(3, code);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 1) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the valid program after the bad records was not applied within 40 s");
    }

    private List<ConsumerRecord<String, String>> deadLetters(java.util.function.Predicate<ConsumerRecord<String, String>> wanted, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && found.size() < count) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (wanted.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static ConsumerRecord<String, String> byKey(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
