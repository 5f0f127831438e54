package mx.gob.dif.programs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class WorkPlanImportTest {

    static String demoPlan(String orgUnit, int year) throws Exception {
        String json = Files.readString(Path.of("../deploy/demo/pat-2021-municipal-durango.json")).trim();
        return "{\"orgUnit\":\"" + orgUnit + "\",\"fiscalYear\":" + year + "," + json.substring(1);
    }

    @Test
    void theDurangoPlanImportsWithItsOwnTotalsReadsBackAndReimportsAsANoOp() throws Exception {
        String plan = demoPlan("10005", 2021);
        String id = given().contentType("application/json").body(plan).post("/api/v1/work-plans/import")
                .then().statusCode(201)
                .body("programs", equalTo(19)).body("actions", equalTo(100)).body("targets", equalTo(101))
                .body("outcomeGoals", equalTo(19)).extract().path("id");

        given().contentType("application/json").body(plan).post("/api/v1/work-plans/import")
                .then().statusCode(200).body("changed", equalTo(false)).body("revision", equalTo(1));
        given().get("/api/v1/work-plans/" + id + "/revisions").then().statusCode(200).body("$", hasSize(0));

        JsonNode input = EventJson.MAPPER.readTree(plan);
        JsonNode back = EventJson.MAPPER.readTree(given().get("/api/v1/work-plans/" + id).then().statusCode(200).extract().asString());
        for (int i = 0; i < input.get("programs").size(); i++) {
            var in = input.get("programs").get(i);
            var out = back.get("programs").get(i);
            for (var it = in.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                assertEquals(in.get(f), out.get(f), "program " + i + " field " + f + " reads back identical to the input");
            }
        }
        assertEquals(input.get("programs"), back.get("programs"), "programs read back identical to the input");
        assertEquals(input.get("budget"), back.get("budget"));

        given().get("/api/v1/programs/DIF-04?orgUnit=10005&fiscalYear=2021").then().statusCode(200)
                .body("calendarMonths", contains("MAR", "JUN", "SEP", "DIC"));
        given().get("/api/v1/work-plans/" + id + "/summary").then().statusCode(200)
                .body("programs", equalTo(19)).body("indicators", equalTo(101)).body("outcomeGoals", equalTo(19));
        given().get("/api/v1/work-plans?orgUnit=10005&fiscalYear=2021").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));

        Map<String, JsonNode> targetEvents = targetEventsOnKafka("10005|2021|", 101);
        assertEquals(101, targetEvents.size(), "one catalog event per target of the imported plan");
        JsonNode dif0103 = targetEvents.get("10005|2021|DIF-01-03").get("data");
        assertEquals("Visita", dif0103.get("unit").asText());
        assertEquals(80, dif0103.get("annualTarget").asInt());
        assertEquals("SUM", dif0103.get("method").asText());
    }

    @Test
    void aChangeIsARevisionAndApprovalIsRecorded() throws Exception {
        String plan = demoPlan("10012", 2022);
        String id = given().contentType("application/json").body(plan).post("/api/v1/work-plans/import")
                .then().statusCode(201).extract().path("id");
        given().post("/api/v1/work-plans/" + id + "/approval").then().statusCode(200).body("status", equalTo("APPROVED"));
        given().post("/api/v1/work-plans/" + id + "/approval").then().statusCode(409);
        String changed = plan.replaceFirst("\"target\": 80", "\"target\": 90");
        as("planeacion").contentType("application/json").body(changed).post("/api/v1/work-plans/import")
                .then().statusCode(200).body("changed", equalTo(true)).body("revision", equalTo(2)).body("status", equalTo("APPROVED"));
        given().get("/api/v1/work-plans/" + id + "/revisions").then().statusCode(200)
                .body("changedBy", hasItem("planeacion"))
                .body("summary", hasItem(org.hamcrest.Matchers.containsString("1 modificada")));
    }

    @Test
    void badPlansAreRejectedWithPreciseSpanishErrorsAndNothingIsStored() {
        String bad = """
                {"orgUnit":"10010","fiscalYear":2021,"programs":[
                  {"code":"X-01","name":"Uno","calendarMonths":["ENE","FEBRERO"],"actions":[
                    {"code":"X-01-01","description":"a","targets":[{"indicatorCode":"X-01-01","unit":"Visita","target":-5}]},
                    {"code":"X-01-01","description":"b","targets":[{"indicatorCode":"X-01-02","unit":"Visita","target":"diez","method":"MEDIANA"}]}]},
                  {"code":"X-01","name":"Dos","actions":[]}]}""";
        given().contentType("application/json").body(bad).post("/api/v1/work-plans/import").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("programs[0].actions[0].targets[0].target"))
                .body("errors.field", hasItem("programs[0].actions[1].code"))
                .body("errors.field", hasItem("programs[0].actions[1].targets[0].target"))
                .body("errors.field", hasItem("programs[0].actions[1].targets[0].method"))
                .body("errors.field", hasItem("programs[0].calendarMonths[1]"))
                .body("errors.field", hasItem("programs[1].code"));
        given().contentType("application/json").body("{\"orgUnit\":\"99999\",\"fiscalYear\":\"dos mil\",\"programs\":[]}")
                .post("/api/v1/work-plans/import").then().statusCode(422)
                .body("errors.field", hasItem("orgUnit")).body("errors.field", hasItem("fiscalYear"));
        given().contentType("application/json").body("{\"orgUnit\": ").post("/api/v1/work-plans/import").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/work-plans?orgUnit=10010").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theSpreadsheetExportReimportsToTheSamePlanAndBadCellsAreNamed() throws Exception {
        String id = given().contentType("application/json").body(demoPlan("10030", 2021)).post("/api/v1/work-plans/import")
                .then().statusCode(201).extract().path("id");
        byte[] xlsx = given().accept(XLSX).get("/api/v1/work-plans/" + id).then().statusCode(200).extract().asByteArray();
        given().contentType(XLSX).body(xlsx).post("/api/v1/work-plans/import?orgUnit=10030&fiscalYear=2021")
                .then().statusCode(200).body("changed", equalTo(false)).body("targets", equalTo(101)).body("programs", equalTo(19));
        // the same file as another unit's plan: a new plan with the same content
        given().contentType(XLSX).body(xlsx).post("/api/v1/work-plans/import?orgUnit=10031&fiscalYear=2021")
                .then().statusCode(422).body("errors[0].row", equalTo(2));

        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
             var out = new java.io.ByteArrayOutputStream()) {
            wb.getSheet("Metas").getRow(3).getCell(5).setCellValue("ochenta");
            wb.getSheet("Programas").getRow(0).getCell(1).setCellValue("titulo");
            wb.write(out);
            given().contentType(XLSX).body(out.toByteArray()).post("/api/v1/work-plans/import?orgUnit=10030&fiscalYear=2021")
                    .then().statusCode(422).body("errors.column", hasItem("B"));
        }
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
             var out = new java.io.ByteArrayOutputStream()) {
            wb.getSheet("Metas").getRow(3).getCell(5).setCellValue("ochenta");
            wb.getSheet("Metas").getRow(4).getCell(5).setCellValue(-2);
            wb.write(out);
            given().contentType(XLSX).body(out.toByteArray()).post("/api/v1/work-plans/import?orgUnit=10030&fiscalYear=2021")
                    .then().statusCode(422)
                    .body("errors.find { it.row == 4 }.column", containsString("F"))
                    .body("errors.find { it.row == 4 }.message", containsString("ochenta"));
        }
        given().get("/api/v1/work-plans/" + id + "/revisions").then().body("$", hasSize(0));
    }

    @Test
    void theCsvFormImportsWithRowPreciseErrors() {
        String csv = "programa,nombre_programa,calendario,inversion_total,inversion_municipal,inversion_otras,accion,descripcion_accion,"
                + "indicador,unidad,meta,metodo,componentes,formula\r\n"
                + "C-01,\"Programa, con coma\",MAR JUN,1000,1000,0,C-01-01,Visitas,C-01-01,Visita,80,,,\r\n"
                + "C-01,\"Programa, con coma\",MAR JUN,1000,1000,0,C-01-02,Talleres,C-01-02,Taller,12,MAX_QUARTER_SUM,,\r\n";
        String id = given().contentType("text/csv").body(csv).post("/api/v1/work-plans/import?orgUnit=10033&fiscalYear=2021")
                .then().statusCode(201).body("programs", equalTo(1)).body("targets", equalTo(2)).extract().path("id");
        String exported = given().accept("text/csv").get("/api/v1/work-plans/" + id).then().statusCode(200).extract().asString();
        given().contentType("text/csv").body(exported).post("/api/v1/work-plans/import?orgUnit=10033&fiscalYear=2021")
                .then().statusCode(200).body("changed", equalTo(false));
        String bad = csv.replace("Taller,12,", "Taller,doce,");
        given().contentType("text/csv").body(bad).post("/api/v1/work-plans/import?orgUnit=10034&fiscalYear=2021")
                .then().statusCode(422).body("errors[0].row", equalTo(3)).body("errors[0].column", equalTo("meta"));
        given().contentType("text/csv").body("programa,nombre\r\n").post("/api/v1/work-plans/import?orgUnit=10034&fiscalYear=2021")
                .then().statusCode(422).body("errors[0].row", equalTo(1));
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void dryRunValidatesWithoutStoring() throws Exception {
        given().contentType("application/json").body(demoPlan("10020", 2021)).post("/api/v1/work-plans/import?dryRun=true")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("targets", equalTo(101));
        given().get("/api/v1/work-plans?orgUnit=10020").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void orgUnitsAreSeededAndExtendable() {
        given().get("/api/v1/org-units?parent=10").then().statusCode(200).body("$", hasSize(39));
        given().get("/api/v1/org-units/10005").then().statusCode(200).body("name", equalTo("Durango")).body("parent", equalTo("10"));
        given().contentType("text/csv").body("code,name,level,parent\n05,Coahuila de Zaragoza,STATE,MX\n05035,Torreón,MUNICIPAL,05\n")
                .post("/api/v1/org-units/import").then().statusCode(200).body("imported", equalTo(2));
        given().contentType("text/csv").body("code,name,level,parent\n05099,Sin estado,MUNICIPAL,77\n")
                .post("/api/v1/org-units/import").then().statusCode(422).body("errors[0].row", equalTo(2));
        given().get("/api/v1/org-units/05035").then().statusCode(200);
    }

    static Map<String, JsonNode> targetEventsOnKafka(String keyPrefix, int expected) throws Exception {
        Map<String, JsonNode> latest = new HashMap<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CATALOG_TARGETS));
            long deadline = System.currentTimeMillis() + 20_000;
            while (latest.size() < expected && System.currentTimeMillis() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(300))) {
                    if (r.key().startsWith(keyPrefix)) {
                        JsonNode event = EventJson.MAPPER.readTree(r.value());
                        List<String> errors = SchemaValidator.validate(event);
                        assertTrue(errors.isEmpty(), "schema errors: " + errors);
                        latest.put(r.key(), event);
                    }
                }
            }
        }
        return latest;
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
