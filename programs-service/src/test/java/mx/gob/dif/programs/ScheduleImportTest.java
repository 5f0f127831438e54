package mx.gob.dif.programs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.EventJson;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A target's monthly schedule through the API: imported as JSON, XLSX and CSV, read back, exported and re-imported
 * unchanged, refused with the field or cell named, and published in TargetChanged.schedule (read from the real topic).
 * Plans of units 10014, 10016 and 10017 for 2016–2017, which no other test uses.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class ScheduleImportTest {
    static final String XLSX = WorkPlanImportTest.XLSX;

    /** Grants delivered three times a year (April, August, December), and talks without a schedule. */
    static String plan(String orgUnit, int year) {
        return """
                {"orgUnit":"%s","fiscalYear":%d,"programs":[{"code":"PS-03","name":"Becas en tres entregas",
                  "calendarMonths":["ENE","ABR","MAY","AGO","SEP","OCT","NOV","DIC"],"actions":[
                  {"code":"PS-03-03","description":"Becas","targets":[
                    {"indicatorCode":"PS-03-03","unit":"Beca","target":15000,"schedule":[0,0,null,5000,0,0,0,5000,0,0,0,5000]}]},
                  {"code":"PS-03-05","description":"Pláticas","targets":[
                    {"indicatorCode":"PS-03-05","unit":"Plática","target":5,"method":"LAST"}]}]}]}""".formatted(orgUnit, year);
    }

    @Test
    void aScheduleIsStoredReadBackAndPublished() throws Exception {
        String id = given().contentType("application/json").body(plan("10014", 2016)).post("/api/v1/work-plans/import")
                .then().statusCode(201).body("targets", equalTo(2)).extract().path("id");
        String base = "/api/v1/work-plans/" + id;
        given().get(base).then().statusCode(200)
                .body("programs[0].actions[0].targets[0].schedule", contains(0, 0, null, 5000, 0, 0, 0, 5000, 0, 0, 0, 5000))
                .body("programs[0].actions[1].targets[0]", not(org.hamcrest.Matchers.hasKey("schedule")));
        given().get(base + "/targets/PS-03-03").then().statusCode(200)
                .body("schedule", contains(0, 0, null, 5000, 0, 0, 0, 5000, 0, 0, 0, 5000));
        given().get("/api/v1/targets?orgUnit=10014&fiscalYear=2016&sort=indicatorCode").then().statusCode(200)
                .body("items[0].schedule", contains(0, 0, 0, 5000, 0, 0, 0, 5000, 0, 0, 0, 5000))
                .body("items[1].schedule", nullValue());

        Map<String, JsonNode> events = WorkPlanImportTest.targetEventsOnKafka("10014|2016|", 2);
        JsonNode grants = events.get("10014|2016|PS-03-03").get("data");
        assertEquals(EventJson.MAPPER.readTree("[0,0,0,5000,0,0,0,5000,0,0,0,5000]"), grants.get("schedule"),
                "the event carries 12 quantities, an empty month as 0");
        assertTrue(events.get("10014|2016|PS-03-05").get("data").get("schedule").isNull(), "no schedule: null");
    }

    @Test
    void theScheduleRoundTripsThroughTheSpreadsheetAndTheCsv() throws Exception {
        String id = given().contentType("application/json").body(plan("10016", 2017)).post("/api/v1/work-plans/import")
                .then().statusCode(201).extract().path("id");
        String base = "/api/v1/work-plans/" + id;
        byte[] xlsx = given().accept(XLSX).get(base).then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row header = wb.getSheet("Metas").getRow(0);
            assertEquals("programado_ene", header.getCell(10).getStringCellValue());
            assertEquals("programado_dic", header.getCell(21).getStringCellValue());
            assertEquals(5000, wb.getSheet("Metas").getRow(1).getCell(13).getNumericCellValue());
            assertEquals(null, wb.getSheet("Metas").getRow(1).getCell(12), "an empty month stays an empty cell");
        }
        given().contentType(XLSX).body(xlsx).post("/api/v1/work-plans/import?orgUnit=10016&fiscalYear=2017")
                .then().statusCode(200).body("changed", equalTo(false));
        String csv = given().accept("text/csv").get(base).then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("programa,") && csv.contains(",metrica_casos,programado_ene,"), csv);
        assertTrue(csv.contains(",Beca,15000,,,,,0,0,,5000,0,0,0,5000,0,0,0,5000\r\n"), csv);
        given().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/work-plans/import?orgUnit=10016&fiscalYear=2017")
                .then().statusCode(200).body("changed", equalTo(false));

        // the same files as another unit's plan: the schedule arrives as it was
        given().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/work-plans/import?orgUnit=10017&fiscalYear=2017")
                .then().statusCode(201);
        given().get("/api/v1/programs/PS-03?orgUnit=10017&fiscalYear=2017").then().statusCode(200)
                .body("actions[0].targets[0].schedule", contains(0, 0, null, 5000, 0, 0, 0, 5000, 0, 0, 0, 5000));
        given().get("/api/v1/work-plans/" + id + "/revisions").then().statusCode(200).body("$", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void aPlanWithoutSchedulesExportsAsBefore() throws Exception {
        String id = given().contentType("application/json").body(plan("10014", 2017).replaceAll(",\"schedule\":\\[[^]]*]", ""))
                .post("/api/v1/work-plans/import").then().statusCode(201).extract().path("id");
        String csv = given().accept("text/csv").get("/api/v1/work-plans/" + id).then().statusCode(200).extract().asString();
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",formula,metrica_casos"), csv);
        byte[] xlsx = given().accept(XLSX).get("/api/v1/work-plans/" + id).then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(10, wb.getSheet("Metas").getRow(0).getLastCellNum());
        }
        assertFalse(given().get("/api/v1/work-plans/" + id).then().extract().asString().contains("schedule"));
    }

    @Test
    void badSchedulesAreRefusedNamingTheFieldOrTheCell() throws Exception {
        String wrongSum = plan("10016", 2016).replace("5000,0,0,0,5000]", "5000,0,0,0,4000]");
        given().contentType("application/json").body(wrongSum).post("/api/v1/work-plans/import").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("programs[0].actions[0].targets[0].schedule"))
                .body("errors[0].message", equalTo("La programación mensual suma 14000 y la meta anual es 15000; con el método SUM "
                        + "los meses deben sumar la meta anual."));
        String outsideCalendar = plan("10016", 2016).replace("[0,0,null,5000", "[0,0,5000,0");
        given().contentType("application/json").body(outsideCalendar).post("/api/v1/work-plans/import").then().statusCode(422)
                .body("errors.field", contains("programs[0].actions[0].targets[0].schedule[2]"))
                .body("errors[0].message", containsString("MAR"));
        given().contentType("application/json").body(plan("10016", 2016).replace("[0,0,null,5000,0,0,0,5000,0,0,0,5000]", "[5000,5000,5000]"))
                .post("/api/v1/work-plans/import").then().statusCode(422)
                .body("errors.field", contains("programs[0].actions[0].targets[0].schedule"));
        given().get("/api/v1/work-plans?orgUnit=10016&fiscalYear=2016").then().body("total", equalTo(0));

        // a cell of the spreadsheet and of the CSV with text
        String id = given().contentType("application/json").body(plan("10016", 2016)).post("/api/v1/work-plans/import")
                .then().statusCode(201).extract().path("id");
        byte[] xlsx = given().accept(XLSX).get("/api/v1/work-plans/" + id).then().extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getSheet("Metas").getRow(1).getCell(13).setCellValue("cinco mil");
            wb.write(out);
            given().contentType(XLSX).body(out.toByteArray()).post("/api/v1/work-plans/import?orgUnit=10016&fiscalYear=2016")
                    .then().statusCode(422).body("errors[0].field", equalTo("Metas")).body("errors[0].row", equalTo(2))
                    .body("errors[0].column", equalTo("programado_abr (N)"));
        }
        String csv = given().accept("text/csv").get("/api/v1/work-plans/" + id).then().extract().asString();
        given().contentType("text/csv; charset=UTF-8").body(csv.replace(",0,0,,5000,", ",0,0,,cinco mil,"))
                .post("/api/v1/work-plans/import?orgUnit=10016&fiscalYear=2016").then().statusCode(422)
                .body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("programado_abr"));
        String csvWithoutMetric = csv.replace(",metrica_casos,", ",otra,");
        given().contentType("text/csv; charset=UTF-8").body(csvWithoutMetric)
                .post("/api/v1/work-plans/import?orgUnit=10016&fiscalYear=2016").then().statusCode(422)
                .body("errors.row", hasItem(1));

        // one target at a time: the field is named relative to the target, and a valid change is published
        given().contentType("application/json").body("{\"unit\":\"Beca\",\"target\":15000,\"schedule\":[0,0,0,15000,0,0,0,0,0,0,0,1]}")
                .put("/api/v1/work-plans/" + id + "/targets/PS-03-03").then().statusCode(422)
                .body("errors.field", contains("schedule"));
        given().contentType("application/json").body("{\"unit\":\"Beca\",\"target\":15000,\"schedule\":[0,0,0,7500,0,0,0,0,0,0,0,7500]}")
                .put("/api/v1/work-plans/" + id + "/targets/PS-03-03").then().statusCode(200).header("X-Plan-Changed", "true")
                .body("schedule", contains(0, 0, 0, 7500, 0, 0, 0, 0, 0, 0, 0, 7500));
        List<JsonNode> events = PlanEntityApiTest.targetEvents("10016|2016|PS-03-03", 2);
        assertEquals(2, events.size(), "the import and the change: " + events);
        assertEquals(EventJson.MAPPER.readTree("[0,0,0,7500,0,0,0,0,0,0,0,7500]"), events.get(1).get("schedule"));
    }

    /** Imports, edits and reads as the state administrator (unit 10). */
    private static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(TestTokens.administrator());
    }
}
