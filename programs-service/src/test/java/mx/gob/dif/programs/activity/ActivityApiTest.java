package mx.gob.dif.programs.activity;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.SchemaValidator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.common.security.TestTokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static mx.gob.dif.programs.activity.ActivityTopic.appendedSince;
import static mx.gob.dif.programs.activity.ActivityTopic.endOffsets;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The activity API against the real PostgreSQL and the real Kafka broker. Every check of what was
 * published reads exactly the records appended to the activity topic by the request at hand
 * ({@link ActivityTopic}), so "nothing published" is a real assertion.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class ActivityApiTest {
    /** A small state plan for a year no other test plans: municipalities without a plan report against it. */
    private static final String STATE_PLAN = """
            {"orgUnit":"10","fiscalYear":2022,"unit":"DIF Estatal de prueba","programs":[{"code":"EST-01","name":"Programa de prueba",
              "calendarMonths":["ENE","FEB","MAR"],"actions":[{"code":"EST-01-01","description":"Visitas de prueba","targets":[
                {"indicatorCode":"EST-01-01","unit":"Visita","target":100}]}]}]}""";
    private static final String NOTE = "Visita a la familia Ficticia Inventada";
    private static boolean planned;

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void plans() throws Exception {
        if (planned) {
            return;
        }
        importMunicipalPlan();
        asAdministrator().contentType("application/json").body(STATE_PLAN).post("/api/v1/work-plans/import").then().statusCode(oneOf(200, 201));
        planned = true;
    }

    /** The demo plan of the Durango municipal DIF, for 10005 in 2021. */
    static void importMunicipalPlan() throws Exception {
        String demo = Files.readString(Path.of("../deploy/demo/pat-2021-municipal-durango.json"), StandardCharsets.UTF_8).trim();
        String municipal = "{\"orgUnit\":\"10005\",\"fiscalYear\":2021," + demo.substring(1);
        asAdministrator().contentType("application/json").body(municipal).post("/api/v1/work-plans/import").then().statusCode(oneOf(200, 201));
    }

    static String report(String id, String indicator, String unit, String date, String quantity) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"indicator\":\"" + indicator + "\",\"orgUnit\":\"" + unit
                + "\",\"date\":\"" + date + "\",\"quantity\":" + quantity + ",\"note\":\"" + NOTE + "\"}";
    }

    static String valid(String id) {
        return report(id, "DIF-01-03", "10005", "2021-03-14", "80");
    }

    // ---------------------------------------------------------------- accepted

    @Test
    void oneReportIsOnKafkaValidWithoutTheNoteAndInTheLedgerWithIt() throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        String id = given().contentType("application/json").body(report(null, "DIF-01-03", "10005", "2021-03-14", "80.50"))
                .post("/api/v1/activities").then().statusCode(202)
                .body("accepted", equalTo(1)).body("ids", hasSize(1))
                .extract().path("ids[0]");
        List<ConsumerRecord<String, String>> records = appendedSince(before);
        assertEquals(1, records.size());
        ConsumerRecord<String, String> r = records.get(0);
        assertEquals("10005|DIF-01-03", r.key());
        assertFalse(r.value().contains("Ficticia"), "the note never enters Kafka");
        JsonNode event = EventJson.MAPPER.readTree(r.value());
        assertEquals(List.of(), SchemaValidator.validate(event));
        assertEquals(id, event.get("id").asText());
        assertEquals(EventTypes.ACTIVITY_REPORTED, event.get("type").asText());
        assertEquals("10005|DIF-01-03", event.get("subject").asText());
        JsonNode data = event.get("data");
        assertEquals(id, data.get("activityId").asText());
        assertEquals("10005", data.get("planOrgUnit").asText());
        assertEquals(2021, data.get("fiscalYear").asInt());
        assertEquals("2021-03-14", data.get("date").asText());
        assertEquals("80.5", data.get("quantity").decimalValue().toPlainString());

        given().get("/api/v1/activities/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("status", equalTo("ACTIVE")).body("note", equalTo(NOTE))
                .body("planOrgUnit", equalTo("10005")).body("date", equalTo("2021-03-14"))
                .body("quantity", equalTo(80.5f));
    }

    @Test
    void aBatchIsPublishedAsOneEventPerReportWithIdsInRequestOrder() throws Exception {
        List<String> items = new ArrayList<>();
        List<String> clientIds = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String id = i % 2 == 0 ? UUID.randomUUID().toString() : null;
            clientIds.add(id);
            items.add(report(id, i % 3 == 0 ? "DIF-01-01" : "DIF-01-03", "10005", "2021-0" + (1 + i % 5) + "-1" + (i % 10), String.valueOf(i)));
        }
        long rows = ledgerRows();
        Map<TopicPartition, Long> before = endOffsets();
        List<String> ids = given().contentType("application/json").body("[" + String.join(",", items) + "]")
                .post("/api/v1/activities").then().statusCode(202).body("accepted", equalTo(500)).body("ids", hasSize(500))
                .extract().path("ids");
        for (int i = 0; i < 500; i++) {
            if (clientIds.get(i) != null) {
                assertEquals(clientIds.get(i), ids.get(i), "ids answer in request order");
            }
        }
        assertEquals(500, ids.stream().distinct().count());
        List<ConsumerRecord<String, String>> records = appendedSince(before);
        assertEquals(500, records.size());
        Map<String, JsonNode> byId = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            assertFalse(r.value().contains("Ficticia"));
            JsonNode e = EventJson.MAPPER.readTree(r.value());
            assertEquals(List.of(), SchemaValidator.validate(e));
            assertEquals(r.key(), e.get("data").get("orgUnit").asText() + "|" + e.get("data").get("indicator").asText());
            byId.put(e.get("id").asText(), e.get("data"));
        }
        assertEquals(new java.util.HashSet<>(ids), byId.keySet());
        assertEquals("7", byId.get(ids.get(7)).get("quantity").asText());
        assertEquals(rows + 500, ledgerRows());
    }

    /** The municipality's own operator: reports, resends and retracts against the state's plan. */
    @Test
    void aMunicipalityWithoutAPlanReportsAgainstTheStatePlan() throws Exception {
        Map<TopicPartition, Long> before = endOffsets();
        String id = UUID.randomUUID().toString();
        String sent = report(id, "EST-01-01", "10001", "2022-02-10", "7");
        asOperator("10001").contentType("application/json").body("[" + sent + "]")
                .post("/api/v1/activities").then().statusCode(202).body("ids[0]", equalTo(id)).body("accepted", equalTo(1));
        List<ConsumerRecord<String, String>> records = appendedSince(before);
        assertEquals(1, records.size());
        assertFalse(records.get(0).value().contains("Ficticia"), "the note never enters Kafka");
        JsonNode event = EventJson.MAPPER.readTree(records.get(0).value());
        assertEquals(List.of(), SchemaValidator.validate(event));
        assertEquals("10001|EST-01-01", event.get("subject").asText());
        JsonNode data = event.get("data");
        assertEquals("10", data.get("planOrgUnit").asText());
        assertEquals("10001", data.get("orgUnit").asText());
        assertEquals("10001|EST-01-01", records.get(0).key());
        given().get("/api/v1/activities/" + id).then().statusCode(200).body("planOrgUnit", equalTo("10"));

        // the same report again, as one object: a no-op; other content under its id: 422
        asOperator("10001").contentType("application/json").body(sent).post("/api/v1/activities").then().statusCode(202)
                .body("accepted", equalTo(0)).body("alreadyKnown", equalTo(1));
        asOperator("10001").contentType("application/json").body(sent.replace("\"quantity\":7", "\"quantity\":8"))
                .post("/api/v1/activities").then().statusCode(422).body("errors[0].field", equalTo("id"));

        asOperator("10001").contentType("application/json").body("{\"reason\":\"duplicado\"}")
                .post("/api/v1/activities/" + id + "/retraction").then().statusCode(202).body("status", equalTo("RETRACTED"));
        asOperator("10001").post("/api/v1/activities/" + id + "/retraction").then().statusCode(200).body("status", equalTo("RETRACTED"));
    }

    // ---------------------------------------------------------------- rejected

    /** One invalid report each: (what is wrong, the report, the field named, part of the message). */
    static Stream<Arguments> invalidReports() {
        return Stream.of(
                arguments("unknown indicator", report(null, "DIF-99-99", "10005", "2021-03-14", "1"), "indicator", "DIF-99-99"),
                arguments("negative quantity", report(null, "DIF-01-03", "10005", "2021-03-14", "-3"), "quantity", "negativa"),
                arguments("text quantity", report(null, "DIF-01-03", "10005", "2021-03-14", "\"cinco\""), "quantity", "'cinco'"),
                arguments("missing quantity", "{\"indicator\":\"DIF-01-03\",\"orgUnit\":\"10005\",\"date\":\"2021-03-14\"}",
                        "quantity", "Falta"),
                arguments("future date", report(null, "DIF-01-03", "10005", LocalDate.now().plusDays(2).toString(), "1"), "date", "futuro"),
                arguments("impossible date", report(null, "DIF-01-03", "10005", "2021-02-30", "1"), "date", "2021-02-30"),
                arguments("unknown org unit", report(null, "DIF-01-03", "99999", "2021-03-14", "1"), "orgUnit", "99999"),
                arguments("no plan for the year", report(null, "DIF-01-03", "10005", "2015-03-14", "1"), "date", "No hay plan"),
                arguments("invalid id", report("no-es-uuid", "DIF-01-03", "10005", "2021-03-14", "1"), "id", "UUID"));
    }

    /** Sends [valid, bad]: 422 naming item 1, and the valid report is not stored or published either. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReports")
    void anInvalidReportRejectsTheWholeBatch(String what, String bad, String field, String messagePart) throws Exception {
        String marker = UUID.randomUUID().toString();
        long rows = ledgerRows();
        Map<TopicPartition, Long> before = endOffsets();
        given().contentType("application/json").body("[" + valid(marker) + "," + bad + "]")
                .post("/api/v1/activities").then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422)).body("title", equalTo("Datos inválidos"))
                .body("detail", containsString("ningún reporte"))
                .body("errors", hasSize(1)).body("errors[0].index", equalTo(1)).body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(messagePart));
        assertEquals(before, endOffsets(), "nothing published");
        assertEquals(rows, ledgerRows(), "nothing stored");
        given().get("/api/v1/activities/" + marker).then().statusCode(404);
    }

    @Test
    void everyRejectedItemIsListed() throws Exception {
        String marker = UUID.randomUUID().toString();
        String body = "[" + String.join(",", List.of(valid(marker),
                report(null, "DIF-99-99", "10005", "2021-03-14", "1"),
                valid(null),
                report(null, "DIF-01-03", "10005", "2021-03-14", "-1"),
                report(null, "DIF-01-03", "10005", "2021-13-01", "\"x\""))) + "]";
        given().contentType("application/json").body(body).post("/api/v1/activities").then().statusCode(422)
                .body("detail", containsString("3 de 5"))
                .body("errors.index", org.hamcrest.Matchers.contains(1, 3, 4, 4))
                .body("errors.field", org.hamcrest.Matchers.contains("indicator", "quantity", "date", "quantity"));
        given().get("/api/v1/activities/" + marker).then().statusCode(404);
    }

    @Test
    void oneErrorPerInvalidItemInRequestOrder() {
        String marker = UUID.randomUUID().toString();
        String body = "[" + String.join(",", List.of(valid(marker),
                report(null, "NO-EXISTE", "10005", "2021-01-05", "1"),
                report(null, "DIF-01-03", "10005", "2021-01-05", "-3"),
                report(null, "DIF-01-03", "10005", "2021-01-05", "\"cinco\""),
                report(null, "DIF-01-03", "10005", "2999-01-05", "1"),
                report(null, "DIF-01-03", "10005", "2021-02-30", "1"),
                report(null, "DIF-01-03", "99999", "2021-01-05", "1"),
                report(null, "DIF-01-03", "10005", "2015-01-05", "1"))) + "]";
        given().contentType("application/json").body(body).post("/api/v1/activities").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(7))
                .body("errors.index", org.hamcrest.Matchers.contains(1, 2, 3, 4, 5, 6, 7))
                .body("errors[0].field", equalTo("indicator"))
                .body("errors[1].message", containsString("negativa"))
                .body("errors[2].field", equalTo("quantity"))
                .body("errors[3].message", containsString("futuro"))
                .body("errors[4].field", equalTo("date"))
                .body("errors[5].field", equalTo("orgUnit"))
                .body("errors[6].message", containsString("No hay plan"));
        given().get("/api/v1/activities/" + marker).then().statusCode(404);
    }

    @Test
    void malformedJson() throws Exception {
        long rows = ledgerRows();
        Map<TopicPartition, Long> before = endOffsets();
        given().contentType("application/json").body("[" + valid(null) + ",{\"indicator\":").post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("JSON inválido"));
        given().contentType("application/json").body("[{\"indicator\":").post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("JSON inválido"));
        given().contentType("application/json").body(valid(null) + " basura").post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body(valid(null).replace("\"quantity\":80", "\"quantity\":80,\"quantity\":-80"))
                .post("/api/v1/activities").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("").post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("42").post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, endOffsets());
        assertEquals(rows, ledgerRows());
    }

    @Test
    void emptyAndOversizeBatches() throws Exception {
        given().contentType("application/json").body("[]").post("/api/v1/activities").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("vacía"));
        long rows = ledgerRows();
        Map<TopicPartition, Long> before = endOffsets();
        given().contentType("application/json").body(batchOf(10_001, valid(null))).post("/api/v1/activities")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("10000"))
                .body("detail", containsString("10001"));
        // the size is checked before the items: 10,001 empty reports are 413, not 10,001 errors
        given().contentType("application/json").body(batchOf(10_001, "{}")).post("/api/v1/activities")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("10000"));
        assertEquals(before, endOffsets());
        assertEquals(rows, ledgerRows());
    }

    // ---------------------------------------------------------------- resend and retraction

    @Test
    void aResendIsANoOpAndDifferentContentUnderAKnownIdIsAConflict() throws Exception {
        String id = UUID.randomUUID().toString();
        given().contentType("application/json").body(valid(id)).post("/api/v1/activities").then().statusCode(202);

        Map<TopicPartition, Long> before = endOffsets();
        given().contentType("application/json").body("[" + valid(id) + "]").post("/api/v1/activities").then().statusCode(202)
                .body("accepted", equalTo(0)).body("alreadyKnown", equalTo(1)).body("ids", org.hamcrest.Matchers.contains(id));
        assertEquals(before, endOffsets(), "a resend publishes nothing");

        // a resend mixed with a new report: only the new one is published
        String fresh = UUID.randomUUID().toString();
        given().contentType("application/json").body("[" + valid(id) + "," + valid(fresh) + "]").post("/api/v1/activities")
                .then().statusCode(202).body("accepted", equalTo(1)).body("alreadyKnown", equalTo(1))
                .body("ids", org.hamcrest.Matchers.contains(id, fresh));
        List<ConsumerRecord<String, String>> records = appendedSince(before);
        assertEquals(1, records.size());
        assertEquals(fresh, EventJson.MAPPER.readTree(records.get(0).value()).get("id").asText());

        Map<TopicPartition, Long> beforeConflict = endOffsets();
        String other = UUID.randomUUID().toString();
        given().contentType("application/json").body("[" + valid(other) + "," + valid(id).replace("\"quantity\":80", "\"quantity\":81") + "]")
                .post("/api/v1/activities").then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Id ya usado"))
                .body("detail", equalTo("1 reporte(s) reutilizan el id de un reporte distinto; "
                        + "no se registró ningún reporte de esta solicitud."))
                .body("errors", hasSize(1)).body("errors[0].index", equalTo(1)).body("errors[0].field", equalTo("id"))
                .body("errors[0].message", containsString("ya se registró con otro contenido"));
        assertEquals(beforeConflict, endOffsets());
        given().get("/api/v1/activities/" + other).then().statusCode(404);
        given().get("/api/v1/activities/" + id).then().body("quantity", equalTo(80));
    }

    @Test
    void aRetractionIsPublishedOnceAndTheLedgerShowsIt() throws Exception {
        String id = UUID.randomUUID().toString();
        given().contentType("application/json").body(report(id, "DIF-01-03", "10005", "2021-04-02", "5")).post("/api/v1/activities")
                .then().statusCode(202);

        Map<TopicPartition, Long> before = endOffsets();
        given().contentType("application/json").body("{\"reason\":\"Duplicado del reporte de la familia Ficticia\"}")
                .post("/api/v1/activities/" + id + "/retraction").then().statusCode(202)
                .body("id", equalTo(id)).body("status", equalTo("RETRACTED"))
                .body("retractionReason", equalTo("Duplicado del reporte de la familia Ficticia"));
        List<ConsumerRecord<String, String>> records = appendedSince(before);
        assertEquals(1, records.size());
        ConsumerRecord<String, String> r = records.get(0);
        assertEquals("10005|DIF-01-03", r.key());
        assertFalse(r.value().contains("Ficticia"), "the free-text reason stays out of Kafka");
        JsonNode event = EventJson.MAPPER.readTree(r.value());
        assertEquals(List.of(), SchemaValidator.validate(event));
        assertEquals(EventTypes.ACTIVITY_RETRACTED, event.get("type").asText());
        assertEquals(UUID.nameUUIDFromBytes(("retraction:" + id).getBytes(StandardCharsets.UTF_8)).toString(), event.get("id").asText());
        assertEquals(id, event.get("data").get("activityId").asText());

        Map<TopicPartition, Long> afterFirst = endOffsets();
        given().post("/api/v1/activities/" + id + "/retraction").then().statusCode(200).body("status", equalTo("RETRACTED"));
        assertEquals(afterFirst, endOffsets(), "a second retraction publishes nothing");

        given().get("/api/v1/activities?orgUnit=10005&status=retracted&from=2021-04-02&to=2021-04-02&size=500").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        given().post("/api/v1/activities/" + UUID.randomUUID() + "/retraction").then().statusCode(404)
                .contentType("application/problem+json");
        given().post("/api/v1/activities/no-es-uuid/retraction").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theListIsPagedAndSortedByDate() {
        List<String> items = new ArrayList<>();
        for (String d : List.of("2021-05-20", "2021-05-03", "2021-05-11")) {
            items.add(report(null, "DIF-01-02", "10005", d, "1"));
        }
        given().contentType("application/json").body("[" + String.join(",", items) + "]").post("/api/v1/activities")
                .then().statusCode(202);
        given().get("/api/v1/activities?orgUnit=10005&indicator=DIF-01-02&from=2021-05-01&to=2021-05-31&page=0&size=2")
                .then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(2))
                .body("items.date", org.hamcrest.Matchers.contains("2021-05-03", "2021-05-11"));
        given().get("/api/v1/activities?orgUnit=10005&indicator=DIF-01-02&from=2021-05-01&to=2021-05-31&page=1&size=2")
                .then().statusCode(200).body("items.date", org.hamcrest.Matchers.contains("2021-05-20"));
        given().get("/api/v1/activities?status=BORRADO").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/activities?from=ayer").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/activities?size=0").then().statusCode(400).contentType("application/problem+json");
    }

    // ---------------------------------------------------------------- helpers

    private long ledgerRows() throws Exception {
        return ledgerRows(ds);
    }

    /** The rows of the activity ledger: unchanged when nothing of a request was stored. */
    static long ledgerRows(AgroalDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from activity")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void retractionWithABodyThatIsNotAReasonIsRejected() {
        given().contentType("application/json").body("[1,2]").post("/api/v1/activities/" + UUID.randomUUID() + "/retraction")
                .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
    }

    private static String batchOf(int n, String item) {
        return "[" + String.join(",", java.util.Collections.nCopies(n, item)) + "]";
    }

    /** Reports, retracts and reads as the state's director (unit 10): covers 10005 and 10001, the units reported here. */
    private static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(TestTokens.director("10"));
    }

    private static RequestSpecification asOperator(String unit) {
        return RestAssured.given().auth().oauth2(TestTokens.operator(unit));
    }

    private static RequestSpecification asAdministrator() {
        return RestAssured.given().auth().oauth2(TestTokens.administrator());
    }
}
