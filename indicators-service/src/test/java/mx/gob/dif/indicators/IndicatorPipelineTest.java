package mx.gob.dif.indicators;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.deploy.testing.TestInfra;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.ActivityRetracted;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.OrgUnitChanged;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events on the real broker in, values out of the REST API: the whole indicator path of issue 4. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_indicators"))
class IndicatorPipelineTest {
    private static KafkaProducer<String, String> producer;
    private static boolean seeded;

    @BeforeEach
    void seed() throws Exception {
        if (seeded) {
            return;
        }
        seeded = true;
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        send(Topics.ORG_UNITS, "MX", EventTypes.ORG_UNIT_CHANGED, new OrgUnitChanged("MX", "México", "NATIONAL", null));
        send(Topics.ORG_UNITS, "10", EventTypes.ORG_UNIT_CHANGED, new OrgUnitChanged("10", "Durango", "STATE", "MX"));
        for (String m : List.of("10001", "10002", "10005")) {
            send(Topics.ORG_UNITS, m, EventTypes.ORG_UNIT_CHANGED, new OrgUnitChanged(m, "Municipio " + m, "MUNICIPAL", "10"));
        }
        List<Integer> all = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        target("T-01", "SUM", all, null);
        target("T-02", "MAX_QUARTER_MAX", all, null);
        target("T-03", "AVERAGE", List.of(3, 6, 9, 12), null);
        target("T-04", "COMPOSITE", all, List.of("T-01", "T-02"));
        producer.flush();
        Thread.sleep(500);
        // 10001: Jan 10, Feb 20, Apr 5; 10002: Mar 3
        for (String code : List.of("T-01", "T-02", "T-03")) {
            report(UUID.randomUUID(), code, "10001", "2021-01-10", "10");
            report(UUID.randomUUID(), code, "10001", "2021-02-11", "20");
            report(UUID.randomUUID(), code, "10001", "2021-04-05", "5");
            report(UUID.randomUUID(), code, "10002", "2021-03-03", "3");
        }
        producer.flush();
    }

    @AfterAll
    static void close() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void valuesRollUpsAndTheContractFields() {
        await("T-01", "10001", "2021", "35");
        Response r = given().get("/api/v1/indicators/T-01?orgUnit=10001&period=2021");
        r.then().statusCode(200).body("indicator", equalTo("T-01")).body("orgUnit", equalTo("10001"))
                .body("period", equalTo("2021")).body("method", equalTo("SUM")).body("unit", equalTo("Visita"))
                .body("target", equalTo(100)).body("value", equalTo(35)).body("percent", equalTo(35.0f))
                .body("expected", equalTo(100)).body("status", equalTo("RED"));
        await("T-01", "10", "2021", "38");
        await("T-01", "10001", "2021-Q1", "30");
        await("T-02", "10", "2021", "23");      // 20 (10001) + 3 (10002), per unit first
        await("T-03", "10001", "2021", "11.6667");
        await("T-04", "10001", "2021", "55");   // 35 + 20
        given().get("/api/v1/programs/P-01/progress?orgUnit=10001&period=2021").then().statusCode(200)
                .body("indicators.size()", equalTo(4)).body("globalIndicator", equalTo(30.42f)); // (35 + 20 + 11.67 + 55) / 4
    }

    @Test
    void duplicatesCountOnceAndRetractionsStopCounting() throws Exception {
        UUID id = UUID.randomUUID();
        report(id, "T-01", "10005", "2021-05-05", "9");
        report(id, "T-01", "10005", "2021-05-05", "9");
        producer.flush();
        await("T-01", "10005", "2021", "9");
        send(Topics.ACTIVITIES, "10005|T-01", EventTypes.ACTIVITY_RETRACTED, new ActivityRetracted(id.toString(), "T-01", "10005", "prueba"));
        producer.flush();
        await("T-01", "10005", "2021", "0");
        // a retraction that arrives before its report: the report never counts
        UUID early = UUID.randomUUID();
        send(Topics.ACTIVITIES, "10005|T-01", EventTypes.ACTIVITY_RETRACTED, new ActivityRetracted(early.toString(), "T-01", "10005", null));
        report(early, "T-01", "10005", "2021-06-06", "4");
        report(UUID.randomUUID(), "T-01", "10005", "2021-06-07", "1");
        producer.flush();
        await("T-01", "10005", "2021", "1");
    }

    @Test
    void closingReportAsJsonCsvAndSpreadsheet() {
        await("T-01", "10", "2021", "38");
        given().get("/api/v1/reports/closing?orgUnit=10&fiscalYear=2021").then().statusCode(200)
                .body("rows.size()", equalTo(4)).body("rows.find { it.indicator == 'T-01' }.value", equalTo(38));
        given().accept("text/csv").get("/api/v1/reports/closing?orgUnit=10&fiscalYear=2021").then().statusCode(200)
                .body(containsString("Programa,Nombre del programa")).body(containsString("T-01"));
        byte[] xlsx = given().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/reports/closing?orgUnit=10&fiscalYear=2021").then().statusCode(200).extract().asByteArray();
        assertEquals('P', (char) xlsx[0]);
        assertEquals('K', (char) xlsx[1]);
    }

    @Test
    void badQueriesAreProblems() {
        given().get("/api/v1/indicators/T-01?orgUnit=10001&period=2021-Q5").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("Periodo"));
        given().get("/api/v1/indicators/NOPE?orgUnit=10001&period=2021").then().statusCode(404);
        given().get("/api/v1/indicators/T-01?orgUnit=77777&period=2021").then().statusCode(404);
    }

    @Test
    void rebuildFromTheLogGivesIdenticalValues() {
        await("T-01", "10", "2021", "38");
        BigDecimal before = value("T-02", "10", "2021");
        given().post("/api/v1/admin/rebuild").then().statusCode(202);
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline
                && !"COMPLETED".equals(given().get("/api/v1/admin/rebuild").then().extract().path("state"))) {
            sleep(100);
        }
        assertEquals("COMPLETED", given().get("/api/v1/admin/rebuild").then().extract().path("state"));
        await("T-01", "10", "2021", "38");
        assertEquals(0, before.compareTo(value("T-02", "10", "2021")));
    }

    private static void await(String code, String unit, String period, String expected) {
        long deadline = System.currentTimeMillis() + 15_000;
        BigDecimal v = null;
        while (System.currentTimeMillis() < deadline) {
            v = value(code, unit, period);
            if (v != null && v.compareTo(new BigDecimal(expected)) == 0) {
                return;
            }
            sleep(50);
        }
        assertEquals(new BigDecimal(expected), v, code + " " + unit + " " + period);
    }

    private static BigDecimal value(String code, String unit, String period) {
        Response r = given().get("/api/v1/indicators/" + code + "?orgUnit=" + unit + "&period=" + period);
        return r.statusCode() == 200 ? new BigDecimal(r.jsonPath().getString("value")) : null;
    }

    private static void target(String code, String method, List<Integer> months, List<String> components) throws Exception {
        TargetChanged t = new TargetChanged("10", 2021, "P-01", "Programa de prueba", code, "Acción " + code, code, "Visita",
                new BigDecimal("100"), method, components, months, false);
        send(Topics.CATALOG_TARGETS, t.key(), EventTypes.TARGET_CHANGED, t);
    }

    private static void report(UUID id, String code, String unit, String date, String qty) throws Exception {
        ActivityReported a = new ActivityReported(id.toString(), code, unit, "10", 2021, LocalDate.parse(date), new BigDecimal(qty));
        producer.send(new ProducerRecord<>(Topics.ACTIVITIES, a.key(), EventJson.MAPPER.writeValueAsString(
                CloudEvent.of(id.toString(), "/test", EventTypes.ACTIVITY_REPORTED, a.key(), EventJson.MAPPER.valueToTree(a)))));
    }

    private static void send(String topic, String key, String type, Object data) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, EventJson.MAPPER.writeValueAsString(
                CloudEvent.of(UUID.randomUUID().toString(), "/test", type, key, EventJson.MAPPER.valueToTree(data)))));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
