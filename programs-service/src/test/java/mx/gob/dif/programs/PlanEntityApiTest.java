package mx.gob.dif.programs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.deploy.testing.TestInfra;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.SchemaValidator;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.common.security.Roles;

import java.time.Duration;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The single-entity API of work plans against the real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class PlanEntityApiTest {

    static final String JSON = "application/json";

    /**
     * Data of the TargetChanged events on Kafka whose key starts with {@code keyPrefix}, in log order
     * (one key stays on one partition), schema-checked; waits for {@code atLeast}, then a little more
     * so that an unexpected extra event would be seen too.
     */
    static List<JsonNode> targetEvents(String keyPrefix, int atLeast) throws Exception {
        return events(Topics.CATALOG_TARGETS, keyPrefix, atLeast);
    }

    static List<JsonNode> events(String topic, String keyPrefix, int atLeast) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            long settle = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, settle)) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key().startsWith(keyPrefix)) {
                        JsonNode event = EventJson.MAPPER.readTree(r.value());
                        List<String> errors = SchemaValidator.validate(event);
                        assertTrue(errors.isEmpty(), "schema errors: " + errors);
                        out.add(event.get("data"));
                    }
                }
                if (out.size() >= atLeast && settle == Long.MAX_VALUE) {
                    settle = System.currentTimeMillis() + 1_500;
                }
            }
        }
        return out;
    }

    static String newPlan(String orgUnit, int year) {
        return as("planeacion").contentType(JSON)
                .body("{\"orgUnit\":\"" + orgUnit + "\",\"fiscalYear\":" + year + "}").post("/api/v1/work-plans")
                .then().statusCode(201).header("Location", containsString("/api/v1/work-plans/"))
                .body("status", equalTo("DRAFT")).body("programs", equalTo(0)).body("revision", equalTo(1))
                .extract().path("id");
    }

    @Test
    void aPlanIsBuiltEntityByEntityAndReadsBackLikeAnImportedOne() throws Exception {
        String id = newPlan("10035", 2031);
        given().contentType(JSON).body("{\"orgUnit\":\"10035\",\"fiscalYear\":2031}").post("/api/v1/work-plans")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(id));
        String base = "/api/v1/work-plans/" + id;

        given().contentType(JSON).body("{\"code\":\"E-01\",\"name\":\"Asistencia social\",\"calendarMonths\":[\"MAR\",\"JUN\"]}")
                .post(base + "/programs").then().statusCode(201)
                .header("Location", endsWith(base + "/programs/E-01"))
                .body("planId", equalTo(id)).body("code", equalTo("E-01")).body("actions", hasSize(0));
        given().contentType(JSON).body("{\"code\":\"E-01-01\",\"description\":\"Visitas domiciliarias\"}")
                .post(base + "/programs/E-01/actions").then().statusCode(201).body("programCode", equalTo("E-01"));
        given().contentType(JSON).body("{\"indicatorCode\":\"E-01-01\",\"unit\":\"Visita\",\"target\":80}")
                .post(base + "/actions/E-01-01/targets").then().statusCode(201)
                .header("Location", endsWith(base + "/targets/E-01-01"))
                .body("actionCode", equalTo("E-01-01")).body("programCode", equalTo("E-01")).body("target", equalTo(80));
        given().contentType(JSON).body("{\"indicatorCode\":\"E-01-02\",\"unit\":\"Caso\",\"target\":120,\"caseMetric\":\"CASES_ATTENDED\"}")
                .post(base + "/actions/E-01-01/targets").then().statusCode(201).body("caseMetric", equalTo("CASES_ATTENDED"));

        // the existing read of a program sees the same document
        given().get("/api/v1/programs/E-01?orgUnit=10035&fiscalYear=2031").then().statusCode(200)
                .body("planId", equalTo(id)).body("actions[0].targets.indicatorCode", contains("E-01-01", "E-01-02"));
        given().get(base + "/summary").then().statusCode(200).body("programs", equalTo(1)).body("indicators", equalTo(2));
        given().get("/api/v1/targets?orgUnit=10035&fiscalYear=2031&sort=-annualTarget").then().statusCode(200)
                .body("total", equalTo(2)).body("items.indicatorCode", contains("E-01-02", "E-01-01"))
                .body("items[0].caseMetric", equalTo("CASES_ATTENDED")).body("items[1].caseMetric", nullValue())
                .body("items[0].calendarMonths", contains("MAR", "JUN"));
        given().get("/api/v1/targets?orgUnit=10035&caseMetric=CASES_ATTENDED").then().statusCode(200).body("total", equalTo(1));

        // a DRAFT plan keeps a history too (the same path as a re-import), and every target reached the outbox
        List<JsonNode> events = targetEvents("10035|2031|", 2);
        assertEquals(2, events.size(), "one event per new target, none for the empty plan or the program/action alone");
        JsonNode attended = events.stream().filter(e -> e.get("indicatorCode").asText().equals("E-01-02")).findFirst().orElseThrow();
        JsonNode visits = events.stream().filter(e -> e.get("indicatorCode").asText().equals("E-01-01")).findFirst().orElseThrow();
        assertEquals("E-01-02", attended.get("indicatorCode").asText());
        assertEquals("CASES_ATTENDED", attended.get("caseMetric").asText(), "caseMetric travels in TargetChanged");
        assertTrue(visits.get("caseMetric").isNull(), "targets without a case metric carry null");
        assertEquals(List.of(3, 6), EventJson.MAPPER.convertValue(attended.get("calendarMonths"), List.class));
    }

    @Test
    void changesOfAnApprovedPlanAreRevisionsWithEventsAndIdenticalPutsChangeNothing() throws Exception {
        String id = newPlan("10036", 2031);
        String base = "/api/v1/work-plans/" + id;
        given().contentType(JSON).body("""
                {"code":"R-01","name":"Rehabilitación","actions":[{"code":"R-01-01","description":"Terapias",
                  "targets":[{"indicatorCode":"R-01-01","unit":"Terapia","target":500}]}]}""")
                .post(base + "/programs").then().statusCode(201);
        given().post(base + "/approval").then().statusCode(200).body("status", equalTo("APPROVED"));
        int revisionsBefore = given().get(base + "/revisions").then().extract().path("size()");

        // read, change one value, write back what was read (context fields included)
        String read = given().get(base + "/targets/R-01-01").then().statusCode(200)
                .body("planStatus", equalTo("APPROVED")).extract().asString();
        String changed = read.replace("\"target\":500", "\"target\":650");
        Response put = as("direccion").contentType(JSON).body(changed).put(base + "/targets/R-01-01");
        put.then().statusCode(200).header("X-Plan-Changed", "true").body("target", equalTo(650));
        int revision = Integer.parseInt(put.header("X-Plan-Revision"));

        given().get(base + "/revisions").then().statusCode(200).body("$", hasSize(revisionsBefore + 1))
                .body("[-1].changedBy", equalTo("direccion")).body("[-1].status", equalTo("APPROVED"))
                .body("[-1].summary", containsString("meta R-01-01 modificada"))
                .body("[-1].summary", containsString("1 modificada(s)"));

        // the identical PUT again: no revision, no event, same revision number
        as("direccion").contentType(JSON).body(changed).put(base + "/targets/R-01-01")
                .then().statusCode(200).header("X-Plan-Changed", "false").header("X-Plan-Revision", String.valueOf(revision));
        given().contentType(JSON).body("{\"name\":\"Rehabilitación\"}").put(base + "/programs/R-01")
                .then().statusCode(200).header("X-Plan-Changed", "false").body("actions[0].code", equalTo("R-01-01"));
        given().get(base + "/revisions").then().body("$", hasSize(revisionsBefore + 1));

        // deleting the action deletes its target: a revision and a deleted=true event
        as("direccion").delete(base + "/actions/R-01-01").then().statusCode(204)
                .header("X-Plan-Changed", "true");
        // on Kafka: created (500), changed (650), deleted; the identical PUTs published nothing
        List<JsonNode> events = targetEvents("10036|2031|R-01-01", 3);
        assertEquals(3, events.size(), events.toString());
        assertEquals(500, events.get(0).get("annualTarget").asInt());
        assertEquals(650, events.get(1).get("annualTarget").asInt());
        assertFalse(events.get(1).get("deleted").asBoolean());
        assertTrue(events.get(2).get("deleted").asBoolean());
        given().get(base + "/targets/R-01-01").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("R-01-01"));
        given().get(base + "/revisions").then().body("$", hasSize(revisionsBefore + 2))
                .body("[-1].summary", containsString("1 eliminada(s)"));

        // the program without targets is still in the plan (not announced deleted); deleting it is announced once
        List<JsonNode> beforeDelete = events(Topics.CATALOG_PROGRAMS, "10036|2031|R-01", 3);
        assertEquals(List.of(false, false, false), beforeDelete.stream().map(e -> e.get("deleted").asBoolean()).toList(),
                beforeDelete.toString());
        given().delete(base + "/programs/R-01").then().statusCode(204).header("X-Plan-Changed", "true");
        given().get(base + "/programs/R-01").then().statusCode(404);
        List<JsonNode> programEvents = events(Topics.CATALOG_PROGRAMS, "10036|2031|R-01", 4);
        assertEquals(List.of(false, false, false, true), programEvents.stream().map(e -> e.get("deleted").asBoolean()).toList(),
                programEvents.toString());
    }

    @Test
    void badRequestsAnswerWithActionableSpanishProblems() {
        String id = newPlan("10037", 2031);
        String base = "/api/v1/work-plans/" + id;
        given().contentType(JSON).body("{\"code\":\"B-01\",\"name\":\"Uno\",\"calendarMonths\":[\"MARZO\"]}")
                .post(base + "/programs").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("calendarMonths[0]")).body("detail", containsString("MARZO"));
        given().contentType(JSON).body("{\"name\":\"Sin clave\"}").post(base + "/programs").then().statusCode(422)
                .body("errors.field", contains("code"));
        given().contentType(JSON).body("{\"code\":\"B-01\",\"name\":\"Uno\"}").post(base + "/programs").then().statusCode(201);
        given().contentType(JSON).body("{\"code\":\"B-01\",\"name\":\"Otra vez\"}").post(base + "/programs").then().statusCode(409)
                .body("detail", containsString("B-01"));
        given().contentType(JSON).body("{\"code\":\"B-01-01\"}").post(base + "/programs/NO-EXISTE/actions").then().statusCode(404)
                .body("detail", containsString("NO-EXISTE"));
        given().contentType(JSON).body("{\"code\":\"B-01-01\"}").post(base + "/programs/B-01/actions").then().statusCode(201);
        given().contentType(JSON).body("""
                {"indicatorCode":"B-01-01","unit":"","target":"diez","method":"MEDIANA","caseMetric":"TODOS"}""")
                .post(base + "/actions/B-01-01/targets").then().statusCode(422)
                .body("errors.field", hasItem("unit")).body("errors.field", hasItem("target"))
                .body("errors.field", hasItem("method")).body("errors.field", hasItem("caseMetric"))
                .body("errors.find { it.field == 'caseMetric' }.message", containsString("CASES_ATTENDED"));
        given().contentType(JSON).body("{\"indicatorCode\":\"B-01-01\",\"unit\":\"Visita\",\"target\":5}")
                .put(base + "/targets/B-01-01").then().statusCode(404);
        given().contentType(JSON).body("{\"orgUnit\": ").post(base + "/programs").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(JSON).body("{\"orgUnit\":\"99999\",\"fiscalYear\":1900}").post("/api/v1/work-plans").then().statusCode(422)
                .body("errors.field", contains("orgUnit", "fiscalYear"));
        given().get("/api/v1/work-plans/no-es-uuid/programs").then().statusCode(404);
        given().get("/api/v1/targets?sort=precio").then().statusCode(400).body("detail", containsString("annualTarget"));
        given().get("/api/v1/targets?size=0").then().statusCode(400);
        given().get("/api/v1/programs").then().statusCode(400).body("detail", containsString("orgUnit"));
        // nothing of the rejected requests was stored: one program, one action, no targets
        given().get(base + "/summary").then().body("programs", equalTo(1)).body("actions", equalTo(1)).body("indicators", equalTo(0));
    }

    @Test
    void listsArePagedFilteredAndSorted() throws Exception {
        String id = given().contentType(JSON).body(WorkPlanImportTest.demoPlan("10038", 2021)).post("/api/v1/work-plans/import")
                .then().statusCode(201).extract().path("id");
        given().get("/api/v1/work-plans/" + id + "/programs?page=1&size=5").then().statusCode(200)
                .body("total", equalTo(19)).body("page", equalTo(1)).body("items", hasSize(5))
                .body("items[0].code", equalTo("DIF-06"));
        given().get("/api/v1/programs?orgUnit=10038&fiscalYear=2021&sort=-code&size=2").then().log().ifValidationFails().statusCode(200)
                .body("items.code", contains("DIF-19", "DIF-18"));
        given().get("/api/v1/work-plans/" + id + "/programs/DIF-01/actions").then().statusCode(200)
                .body("items[0].code", equalTo("DIF-01-01")).body("items[0].programCode", equalTo("DIF-01"));
        given().get("/api/v1/actions?orgUnit=10038&fiscalYear=2021&program=DIF-04").then().statusCode(200)
                .body("items.programCode", org.hamcrest.Matchers.everyItem(equalTo("DIF-04")));
        given().get("/api/v1/work-plans/" + id + "/actions/DIF-01-03/targets").then().statusCode(200)
                .body("items[0].indicatorCode", equalTo("DIF-01-03")).body("items[0].target", equalTo(80));
        Map<String, Object> page = given().get("/api/v1/targets?orgUnit=10038&fiscalYear=2021&program=DIF-01&page=0&size=2&sort=indicatorCode")
                .then().statusCode(200).extract().as(Map.class);
        assertEquals(2, ((List<?>) page.get("items")).size());
        assertTrue(((Number) page.get("total")).intValue() > 2);
        given().get("/api/v1/targets?orgUnit=10038&fiscalYear=2021&program=DIF-01&page=0&size=2&sort=indicatorCode").then()
                .body("items.indicatorCode", contains("DIF-01-01", "DIF-01-02"));
        // existing reads unchanged
        given().get("/api/v1/programs/DIF-04?orgUnit=10038&fiscalYear=2021").then().statusCode(200)
                .body("calendarMonths", contains("MAR", "JUN", "SEP", "DIC"));
    }

    @Test
    void caseMetricRoundTripsThroughTheSpreadsheetAndCsvAndBadCellsAreNamed() throws Exception {
        String id = newPlan("10039", 2031);
        String base = "/api/v1/work-plans/" + id;
        given().contentType(JSON).body("""
                {"code":"C-01","name":"Casos","calendarMonths":["ENE"],"actions":[{"code":"C-01-01","description":"Atención",
                  "targets":[{"indicatorCode":"C-01-01","unit":"Caso","target":40,"caseMetric":"CASES_ATTENDED"},
                             {"indicatorCode":"C-01-02","unit":"Visita","target":12}]}]}""")
                .post(base + "/programs").then().statusCode(201);
        byte[] xlsx = given().accept(WorkPlanImportTest.XLSX).get(base).then().statusCode(200).extract().asByteArray();
        given().contentType(WorkPlanImportTest.XLSX).body(xlsx).post("/api/v1/work-plans/import?orgUnit=10039&fiscalYear=2031")
                .then().statusCode(200).body("changed", equalTo(false));
        String csv = given().accept("text/csv").get(base).then().statusCode(200).extract().asString();
        assertTrue(csv.contains(",CASES_ATTENDED\r\n"), csv);
        given().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/work-plans/import?orgUnit=10039&fiscalYear=2031")
                .then().statusCode(200).body("changed", equalTo(false));

        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
             var out = new java.io.ByteArrayOutputStream()) {
            assertEquals("metrica_casos", wb.getSheet("Metas").getRow(0).getCell(9).getStringCellValue());
            wb.getSheet("Metas").getRow(2).createCell(9).setCellValue("ATENDIDOS");
            wb.write(out);
            given().contentType(WorkPlanImportTest.XLSX).body(out.toByteArray())
                    .post("/api/v1/work-plans/import?orgUnit=10039&fiscalYear=2031").then().statusCode(422)
                    .body("errors[0].field", equalTo("Metas")).body("errors[0].row", equalTo(3))
                    .body("errors[0].column", containsString("J")).body("errors[0].message", containsString("ATENDIDOS"));
        }
        given().contentType("text/csv; charset=UTF-8").body(csv.replace(",CASES_ATTENDED", ",ATENDIDOS"))
                .post("/api/v1/work-plans/import?orgUnit=10039&fiscalYear=2031").then().statusCode(422)
                .body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("metrica_casos"));
        // the JSON import accepts and validates it too
        given().contentType(JSON).body("""
                {"orgUnit":"10039","fiscalYear":2032,"programs":[{"code":"C-01","name":"Casos","actions":[{"code":"C-01-01",
                  "targets":[{"indicatorCode":"C-01-01","unit":"Caso","target":40,"caseMetric":"CASES_OPENED"}]}]}]}""")
                .post("/api/v1/work-plans/import").then().statusCode(422)
                .body("errors.field", contains("programs[0].actions[0].targets[0].caseMetric"));
        // removing it is a change like any other and the event says so
        given().contentType(JSON).body("{\"unit\":\"Caso\",\"target\":40}").put(base + "/targets/C-01-01")
                .then().statusCode(200).header("X-Plan-Changed", "true").body("caseMetric", nullValue());
        // created with it, then changed without it; the no-op re-imports published nothing
        List<JsonNode> events = targetEvents("10039|2031|C-01-01", 2);
        assertEquals(2, events.size(), events.toString());
        assertEquals("CASES_ATTENDED", events.get(0).get("caseMetric").asText());
        assertFalse(events.get(1).get("deleted").asBoolean());
        assertNull(events.get(1).get("caseMetric").textValue());
    }

    @Test
    void ifMatchRefusesAChangeBasedOnAStaleReadAndCodesMustBeAddressable() {
        String id = newPlan("10002", 2031);
        String base = "/api/v1/work-plans/" + id;
        given().contentType(JSON).body("{\"code\":\"M/01\",\"name\":\"Con diagonal\"}").post(base + "/programs")
                .then().statusCode(422).body("errors[0].field", equalTo("code")).body("errors[0].message", containsString("'/'"));
        given().contentType(JSON).body("{\"code\":\"M-01\",\"name\":\"Uno\"}").post(base + "/programs").then().statusCode(201);
        String etag = given().get(base + "/programs/M-01").then().statusCode(200).extract().header("ETag");
        // someone else changes the plan after our read
        given().contentType(JSON).body("{\"code\":\"M-01-01\",\"description\":\"otra persona\"}")
                .post(base + "/programs/M-01/actions").then().statusCode(201);
        given().contentType(JSON).header("If-Match", etag).body("{\"name\":\"Uno, con base en una lectura vieja\"}")
                .put(base + "/programs/M-01").then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("Vuelva a leerlo"));
        given().get(base + "/programs/M-01").then().body("name", equalTo("Uno"));
        String fresh = given().get(base + "/programs/M-01").then().extract().header("ETag");
        given().contentType(JSON).header("If-Match", fresh).body("{\"name\":\"Uno bis\"}")
                .put(base + "/programs/M-01").then().statusCode(200).body("name", equalTo("Uno bis"))
                .body("actions[0].code", equalTo("M-01-01"));
    }

    /** Imports, edits and reads as the state administrator (unit 10), who covers every unit these tests use. */
    private static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(TestTokens.administrator());
    }

    /** An administrator of the state with this user name: what revisions record as the author. */
    private static RequestSpecification as(String user) {
        return RestAssured.given().auth().oauth2(TestTokens.person(user, "10", Roles.ADMINISTRATOR));
    }
}
