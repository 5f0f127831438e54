package mx.gob.dif.indicators;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.events.Topics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static mx.gob.dif.indicators.IndicatorsTestSupport.ALL_MONTHS;
import static mx.gob.dif.indicators.IndicatorsTestSupport.awaitValue;
import static mx.gob.dif.indicators.IndicatorsTestSupport.events;
import static mx.gob.dif.indicators.TestCallers.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reporting cycle (issue 15) on the real broker and database: schedules in "expected", breakdowns by unit. A state
 * 12 of its own with a 2023 plan, three municipalities (12003 with a plan of its own) and reports whose receipt time
 * is set, so every number here is known.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_indicators"))
class ReportingCycleTest {
    static final List<BigDecimal> THREE_TIMES_A_YEAR = schedule(0, 0, 0, 30, 0, 0, 0, 50, 0, 0, 0, 40);
    private static boolean seeded;

    @BeforeEach
    void seed() {
        seedState12();
    }

    /** The state 12 data set, published once per JVM (the reporting tests share it). */
    static synchronized void seedState12() {
        if (seeded) {
            return;
        }
        seeded = true;
        events().orgUnit("MX", "México", "NATIONAL", null);
        events().orgUnit("12", "Guerrero", "STATE", "MX");
        events().orgUnit("12001", "Acapulco de Juárez", "MUNICIPAL", "12");
        events().orgUnit("12002", "Ahuacuotzingo", "MUNICIPAL", "12");
        events().orgUnit("12003", "Ajuchitlán del Progreso", "MUNICIPAL", "12");
        target("12", "R-01", "SUM", ALL_MONTHS, null, "120", THREE_TIMES_A_YEAR, null);
        target("12", "R-02", "MAX_QUARTER_MAX", List.of(3, 6, 9, 12), null, "100", null, null);
        target("12", "R-03", "COMPOSITE", ALL_MONTHS, List.of("R-01", "R-02"), "220", null, null);
        target("12", "R-04", "SUM", ALL_MONTHS, null, "12", null, "CASES_ATTENDED");
        target("12003", "R-01", "SUM", ALL_MONTHS, null, "10", null, null);
        report("12001", "R-01", "2023-04-03", "20", "2023-04-28T12:00:00-06:00");
        report("12001", "R-01", "2023-04-20", "5", "2023-05-10T23:00:00-06:00");
        report("12001", "R-01", "2023-08-11", "10", "2023-08-30T10:00:00-06:00");
        report("12001", "R-02", "2023-03-07", "7", "2023-04-02T10:00:00-06:00");
        report("12002", "R-01", "2023-04-08", "8", "2023-05-20T09:00:00-06:00");
        report("12003", "R-01", "2023-03-14", "4", "2023-04-09T09:00:00-06:00");
        report("12", "R-01", "2023-12-01", "3", "2023-12-02T09:00:00-06:00");
        events().flush();
        awaitValue("R-01", "12", "2023", "50");
        awaitValue("R-03", "12", "2023", "57");
    }

    @Test
    void expectedFollowsTheScheduleWhenThereIsOne() {
        // Q2: only April's 30 of 120 (the even spread would say 30 too: S2 tells them apart, 90 instead of 60)
        given().get("/api/v1/indicators/R-01?orgUnit=12&period=2023-Q2").then().statusCode(200)
                .body("expected", equalTo(30)).body("value", equalTo(33)).body("status", equalTo("GREEN"));
        given().get("/api/v1/indicators/R-01?orgUnit=12&period=2023-S2").then().statusCode(200)
                .body("expected", equalTo(90)).body("expectedPercent", equalTo(75));
        given().get("/api/v1/indicators/R-01?orgUnit=12&period=2023-03").then().statusCode(200).body("expected", equalTo(0));
        // 12003 has a plan of its own without a schedule: its even spread
        given().get("/api/v1/indicators/R-01?orgUnit=12003&period=2023-Q2").then().statusCode(200)
                .body("target", equalTo(10)).body("expected", equalTo(2.5f));
    }

    @Test
    void aUnitThatNoPlanCoversHasNothingToBeMeasuredAgainstInTheBreakdown() {
        // state 13 has no plan; only its municipality 13002 has one: 13001 reports against nothing
        events().orgUnit("13", "Hidalgo", "STATE", "MX");
        events().orgUnit("13001", "Acatlán", "MUNICIPAL", "13");
        events().orgUnit("13002", "Acaxochitlán", "MUNICIPAL", "13");
        target("13002", "H-01", "SUM", ALL_MONTHS, null, "40", null, null);
        report("13002", "H-01", "2023-02-03", "6", "2023-02-28T12:00:00-06:00");
        events().flush();
        awaitValue("H-01", "13", "2023", "6");

        JsonPath b = given().get("/api/v1/indicators/H-01/breakdown?orgUnit=13&period=2023").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("13001", "13002", "13"), b.getList("rows.orgUnit"));
        assertNull(b.get("rows[0].target"), "13001 has no plan, and none above or below it defines H-01");
        assertNull(b.get("rows[0].status"));
        assertEquals(0, new BigDecimal(b.getString("rows[0].value")).signum());
        assertEquals(40, b.getInt("rows[1].target"));
        assertEquals(6, b.getInt("rows[1].value"));
    }

    @Test
    void anIndicatorBreakdownHasOneRowPerChildAndOneForTheUnitsOwnReportsThatAddUpToTheTotal() {
        for (String code : List.of("R-01", "R-02", "R-03", "R-04")) {
            for (String period : List.of("2023", "2023-Q2", "2023-03", "2023-S2")) {
                JsonPath b = given().get("/api/v1/indicators/" + code + "/breakdown?orgUnit=12&period=" + period).then().statusCode(200)
                        .extract().jsonPath();
                Map<String, Object> total = b.getMap("total");
                Map<String, Object> single = given().get("/api/v1/indicators/" + code + "?orgUnit=12&period=" + period).then()
                        .statusCode(200).extract().jsonPath().getMap("");
                total.remove("asOf");
                single.remove("asOf");
                assertEquals(single, total, "total = GET /indicators/" + code + " " + period);
                assertEquals(List.of("12001", "12002", "12003", "12"), b.getList("rows.orgUnit"));
                BigDecimal sum = BigDecimal.ZERO;
                for (Object v : b.getList("rows.value")) {
                    sum = sum.add(new BigDecimal(v.toString()));
                }
                assertEquals(0, sum.compareTo(new BigDecimal(b.getString("total.value"))), code + " " + period + ": rows add up");
                assertEquals(code, b.getString("indicator"));
                assertEquals(period, b.getString("period"));
                assertEquals(b.getString("total.method"), b.getString("method"));
            }
        }
        Response r = given().get("/api/v1/indicators/R-01/breakdown?orgUnit=12&period=2023-Q2");
        r.then().body("rows[0].name", equalTo("Acapulco de Juárez")).body("rows[0].value", equalTo(25)).body("rows[0].target", equalTo(120))
                .body("rows[0].expected", equalTo(30)).body("rows[0].percent", equalTo(20.83f)).body("rows[0].status", equalTo("YELLOW"))
                .body("rows[0].reported", equalTo(true))
                .body("rows[1].value", equalTo(8)).body("rows[1].reported", equalTo(true))
                // 12003 reports against its own plan (target 10, no schedule) and reported nothing in Q2: missing, not a reported 0
                .body("rows[2].value", equalTo(0)).body("rows[2].target", equalTo(10)).body("rows[2].expected", equalTo(2.5f))
                .body("rows[2].reported", equalTo(false))
                .body("rows[3].orgUnit", equalTo("12")).body("rows[3].name", equalTo("Guerrero")).body("rows[3].reported", equalTo(false));
        // a child's row is what that child reads for itself
        Map<String, Object> child = given().get("/api/v1/indicators/R-01?orgUnit=12001&period=2023").jsonPath().getMap("");
        given().get("/api/v1/indicators/R-01/breakdown?orgUnit=12&period=2023").then()
                .body("rows[0].value", equalTo(child.get("value"))).body("rows[0].percent", equalTo(child.get("percent")))
                .body("rows[0].expected", equalTo(child.get("expected"))).body("rows[0].status", equalTo(child.get("status")));
        // a municipality: only its own row
        given().get("/api/v1/indicators/R-01/breakdown?orgUnit=12001&period=2023").then().statusCode(200)
                .body("rows.orgUnit", equalTo(List.of("12001"))).body("rows[0].value", equalTo(35)).body("total.value", equalTo(35));
    }

    @Test
    void aProgramBreakdownHasTheProgramsIndicatorsPerPartAndTheProgressAsTotal() {
        JsonPath b = given().get("/api/v1/programs/PR-1/progress/breakdown?orgUnit=12&period=2023").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> progress = given().get("/api/v1/programs/PR-1/progress?orgUnit=12&period=2023").jsonPath().getMap("");
        Map<String, Object> total = b.getMap("total");
        progress.remove("asOf");
        total.remove("asOf");
        assertEquals(stripAsOf(progress), stripAsOf(total));
        assertEquals(List.of("12001", "12002", "12003", "12"), b.getList("rows.orgUnit"));
        assertEquals(List.of("R-01", "R-02", "R-03", "R-04"), b.getList("rows[0].indicators.indicator"));
        for (int i = 0; i < 4; i++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int row = 0; row < 4; row++) {
                sum = sum.add(new BigDecimal(b.getString("rows[" + row + "].indicators[" + i + "].value")));
            }
            assertEquals(0, sum.compareTo(new BigDecimal(b.getString("total.indicators[" + i + "].value"))), "indicator " + i);
        }
        assertEquals(true, b.getBoolean("rows[0].reported"));
        assertEquals(false, b.getBoolean("rows[1].indicators[1].reported"));
        // 12001: R-01 35/120, R-02 7/100, R-03 42/220, R-04 0/12 → mean of 29.17, 7, 19.09, 0
        assertEquals(0, new BigDecimal("13.82").compareTo(new BigDecimal(b.getString("rows[0].globalIndicator"))));
        given().get("/api/v1/programs/NOPE/progress/breakdown?orgUnit=12&period=2023").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void breakdownsAsCsvAndSpreadsheet() throws Exception {
        String csv = new String(given().accept("text/csv").get("/api/v1/indicators/R-01/breakdown?orgUnit=12&period=2023")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertEquals('\uFEFF', csv.charAt(0));
        List<CSVRecord> lines = CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords();
        assertEquals(List.of("Clave de unidad", "Unidad", "Indicador", "Método de medición", "Meta", "Avance absoluto", "% de avance",
                "Esperado", "Semáforo", "Reportó en el periodo"), lines.get(0).toList());
        assertEquals(6, lines.size());
        assertEquals(List.of("12001", "Acapulco de Juárez", "R-01", "Acumulativo", "120", "35", "29.17", "120", "RED", "Sí"),
                lines.get(1).toList());
        assertEquals(List.of("12", "Total", "R-01", "Acumulativo", "120", "50", "41.67", "120", "RED", "Sí"), lines.get(5).toList());
        String q2 = given().get("/api/v1/indicators/R-01/breakdown?orgUnit=12&period=2023-Q2&format=csv").then().statusCode(200)
                .extract().asString();
        assertTrue(q2.contains("\r\n12003,Ajuchitlán del Progreso,R-01,Acumulativo,10,0,0,2.5,RED,No\r\n"), q2);
        String programCsv = given().get("/api/v1/programs/PR-1/progress/breakdown?orgUnit=12&period=2023&format=csv").then()
                .statusCode(200).extract().asString();
        assertEquals(1 + 4 * 4 + 4, programCsv.split("\r\n").length, programCsv);
        byte[] xlsx = given().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/indicators/R-01/breakdown?orgUnit=12&period=2023").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            assertEquals("Avance absoluto", s.getRow(2).getCell(5).getStringCellValue());
            assertEquals("12001", s.getRow(3).getCell(0).getStringCellValue());
            assertEquals(35.0, s.getRow(3).getCell(5).getNumericCellValue());
            assertEquals("Total", s.getRow(7).getCell(1).getStringCellValue());
            assertEquals(50.0, s.getRow(7).getCell(5).getNumericCellValue());
        }
        byte[] programXlsx = given().get("/api/v1/programs/PR-1/progress/breakdown?orgUnit=12&period=2023&format=xlsx").then()
                .statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(programXlsx))) {
            assertEquals("R-01", wb.getSheetAt(0).getRow(3).getCell(3).getStringCellValue());
        }
    }

    @Test
    void breakdownsAreReadWithinTheCallersUnitsAndBadQueriesAreProblems() {
        String path = "/api/v1/indicators/R-01/breakdown?orgUnit=12&period=2023";
        RestAssured.given().auth().oauth2(TestTokens.analyst("12")).get(path).then().statusCode(200);
        RestAssured.given().auth().oauth2(TestTokens.operator("12001")).get(path).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("12001"));
        RestAssured.given().auth().oauth2(TestTokens.operator("12001")).get("/api/v1/indicators/R-01/breakdown?orgUnit=12001&period=2023")
                .then().statusCode(200);
        String granted = TestTokens.builder().name("agencia-salud").agency("SALUD-GRO").orgUnit("12").roles("integrator").build();
        RestAssured.given().auth().oauth2(granted).get("/api/v1/programs/PR-1/progress/breakdown?orgUnit=12&period=2023").then().statusCode(200);
        RestAssured.given().auth().oauth2(TestTokens.integrator("SALUD-GRO")).get(path).then().statusCode(403);
        RestAssured.given().get(path).then().statusCode(401);
        RestAssured.given().auth().oauth2(TestTokens.analyst("MX")).get("/api/v1/indicators/R-01/breakdown?orgUnit=12&period=2023-Q9")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("Periodo"));
        RestAssured.given().auth().oauth2(TestTokens.analyst("MX")).get("/api/v1/indicators/R-01/breakdown?orgUnit=12&period=2030")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stripAsOf(Map<String, Object> progress) {
        List<Map<String, Object>> indicators = new ArrayList<>((List<Map<String, Object>>) progress.get("indicators"));
        indicators.forEach(i -> i.remove("asOf"));
        progress.put("indicators", indicators);
        return progress;
    }

    static List<BigDecimal> schedule(int... quantities) {
        List<BigDecimal> out = new ArrayList<>();
        for (int q : quantities) {
            out.add(BigDecimal.valueOf(q));
        }
        return out;
    }

    static void target(String plan, String code, String method, List<Integer> months, List<String> components, String annual,
                       List<BigDecimal> schedule, String caseMetric) {
        TargetChanged t = new TargetChanged(plan, 2023, "PR-1", "Programa del ciclo", code, "Acción " + code, code, "Apoyo",
                new BigDecimal(annual), method, components, months, false, caseMetric, schedule);
        events().send(Topics.CATALOG_TARGETS, t.key(), EventTypes.TARGET_CHANGED, t);
    }

    static void report(String unit, String code, String date, String quantity, String receivedAt) {
        String plan = "12003".equals(unit) ? "12003" : "12";
        events().report(new ActivityReported(UUID.randomUUID().toString(), code, unit, plan, 2023, LocalDate.parse(date),
                new BigDecimal(quantity)), OffsetDateTime.parse(receivedAt));
    }

}
