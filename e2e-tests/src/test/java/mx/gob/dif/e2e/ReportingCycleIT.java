package mx.gob.dif.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static mx.gob.dif.e2e.Tokens.ADMIN;
import static mx.gob.dif.e2e.Tokens.ANALYST;
import static mx.gob.dif.e2e.Tokens.OPERATOR;
import static mx.gob.dif.e2e.Tokens.OPERATOR_GOMEZ;
import static mx.gob.dif.e2e.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 through the gateway with the real broker: the state's 2023 plan (its own year, so no other test's reports
 * interfere), reports of two of its municipalities against it (they have no plan of their own), the breakdown by
 * municipality against the roll-up, who reported March, and the month cycle: Durango submits March, the state accepts
 * it, a report into it is refused, Gómez Palacio's March is returned, an administrator reopens Durango's March and the
 * refused report is accepted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportingCycleIT {
    private static final String STATE = "10";
    private static final String DURANGO = "10005";
    private static final String GOMEZ = "10007";
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @BeforeAll
    static void planAndReports() {
        Api.useGateway();
        String plan = """
                {"orgUnit":"10","fiscalYear":2023,"unit":"DIF Estatal Durango (ciclo de reporte, prueba)","programs":[{"code":"RC-01",
                 "name":"Programa del ciclo de reporte","calendarMonths":["ENE","FEB","MAR","ABR","MAY","JUN","JUL","AGO","SEP","OCT","NOV","DIC"],
                 "actions":[{"code":"RC-01-01","description":"Visitas","targets":[{"indicatorCode":"RC-01-01","unit":"Visita","target":120}]},
                            {"code":"RC-01-02","description":"Entregas trimestrales","targets":[{"indicatorCode":"RC-01-02","unit":"Apoyo","target":120,
                              "schedule":[0,0,30,0,0,30,0,0,30,0,0,30]}]}]}]}""";
        as(ADMIN).contentType("application/json").body(plan).post("/api/v1/work-plans/import").then().statusCode(201);

        post(OPERATOR, "[" + String.join(",",
                Api.report(null, "RC-01-01", DURANGO, "2023-01-12", "10"),
                Api.report(null, "RC-01-01", DURANGO, "2023-03-14", "7"),
                Api.report(null, "RC-01-02", DURANGO, "2023-03-20", "25")) + "]").then().statusCode(202).body("ids", hasSize(3));
        post(OPERATOR_GOMEZ, "[" + Api.report(null, "RC-01-01", GOMEZ, "2023-03-03", "4") + "]")
                .then().statusCode(202).body("ids", hasSize(1));
        // the state's value is the roll-up of both municipalities: 10 + 7 + 4 in the first quarter
        Api.awaitIndicator("RC-01-01", STATE, "2023-Q1", v -> v.compareTo(new BigDecimal("21")) == 0, SETTLE).then().statusCode(200);
        Api.awaitIndicator("RC-01-02", STATE, "2023-Q1", v -> v.compareTo(new BigDecimal("25")) == 0, SETTLE).then().statusCode(200);
    }

    private static Response post(String who, String body) {
        return as(who).contentType("application/json").body(body).post("/api/v1/activities");
    }

    private static Map<String, Object> row(JsonPath json, String orgUnit) {
        List<Map<String, Object>> rows = json.getList("rows");
        return rows.stream().filter(r -> orgUnit.equals(r.get("orgUnit"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + orgUnit + " in " + json.prettify()));
    }

    private static BigDecimal number(Object o) {
        return new BigDecimal(String.valueOf(o));
    }

    @Test
    @Order(1)
    void breakdownRowsAddUpToTheRollUpOfTheState() {
        JsonPath b = as(ANALYST).get("/api/v1/indicators/RC-01-01/breakdown?orgUnit=10&period=2023-Q1")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = b.getList("rows");
        assertEquals(40, rows.size(), "39 municipalities and the state's own reports: " + rows.size());
        BigDecimal sum = rows.stream().map(r -> number(r.get("value"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(new BigDecimal("21")), "rows add up to " + sum);
        assertEquals(0, number(b.get("total.value")).compareTo(new BigDecimal("21")));
        BigDecimal single = Api.value(Api.indicator("RC-01-01", STATE, "2023-Q1"));
        assertEquals(0, number(b.get("total.value")).compareTo(single), "total equals GET /indicators for the state");

        assertEquals(0, number(row(b, DURANGO).get("value")).compareTo(new BigDecimal("17")));
        assertEquals(Boolean.TRUE, row(b, DURANGO).get("reported"));
        assertEquals(0, number(row(b, GOMEZ).get("value")).compareTo(new BigDecimal("4")));
        assertEquals(Boolean.TRUE, row(b, GOMEZ).get("reported"));
        assertEquals(0, number(row(b, "10001").get("value")).compareTo(BigDecimal.ZERO));
        assertEquals(Boolean.FALSE, row(b, "10001").get("reported"));
    }

    @Test
    @Order(2)
    void breakdownAsCsvHasARowPerUnit() {
        String csv = as(ANALYST).accept("text/csv").get("/api/v1/indicators/RC-01-01/breakdown?orgUnit=10&period=2023-Q1")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.lines().anyMatch(l -> l.startsWith(DURANGO + ",") || l.contains("\"" + DURANGO + "\"") || l.contains("," + DURANGO + ",")),
                csv);
    }

    @Test
    @Order(3)
    void completenessCountsWhoReportedMarch() {
        JsonPath c = awaitCompleteness(j -> true);
        List<Map<String, Object>> units = c.getList("units");
        assertEquals(39, units.size(), "one row per municipality of the state");
        int due = units.stream().mapToInt(u -> (Integer) u.get("due")).sum();
        int reported = units.stream().mapToInt(u -> (Integer) u.get("reported")).sum();
        assertEquals(due, c.getInt("due"));
        assertEquals(reported, c.getInt("reported"));
        assertEquals(3, reported, "Durango reported both targets in March, Gómez Palacio one");

        Map<String, Object> durango = unit(c, DURANGO);
        assertEquals(2, durango.get("due"));
        assertEquals(2, durango.get("reported"));
        Map<String, Object> gomez = unit(c, GOMEZ);
        assertEquals(2, gomez.get("due"));
        assertEquals(1, gomez.get("reported"));
        assertEquals(1, gomez.get("missing"), "a due target with no report is missing, not zero");
        Map<String, Object> canatlan = unit(c, "10001");
        assertEquals(2, canatlan.get("missing"));
        // reports of 2023 arrive years after the deadline of day 10 of the next month
        assertEquals(0, c.getInt("onTime"));
        BigDecimal rate = number(c.get("rate"));
        BigDecimal expectedRate = BigDecimal.valueOf(300).divide(BigDecimal.valueOf(due), 2, RoundingMode.HALF_UP);
        assertEquals(0, rate.setScale(2, RoundingMode.HALF_UP).compareTo(expectedRate), "rate " + rate + " of " + due + " due");
    }

    private static JsonPath awaitCompleteness(Predicate<JsonPath> condition) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        JsonPath last;
        do {
            Response r = as(ANALYST).get("/api/v1/reporting/completeness?orgUnit=10&period=2023-03");
            r.then().statusCode(200);
            last = r.jsonPath();
            if (condition.test(last)) {
                return last;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        return last;
    }

    private static Map<String, Object> unit(JsonPath c, String orgUnit) {
        List<Map<String, Object>> units = c.getList("units");
        return units.stream().filter(u -> orgUnit.equals(u.get("orgUnit"))).findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + orgUnit + " in " + c.prettify()));
    }

    @Test
    @Order(4)
    void anAcceptedMonthIsLockedUntilAnAdministratorReopensIt() {
        as(OPERATOR).post("/api/v1/reporting/10005/2023-03/submission").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        as(ANALYST).post("/api/v1/reporting/10005/2023-03/submission/acceptance").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));

        String late = "[" + Api.report(null, "RC-01-01", DURANGO, "2023-03-28", "5") + "]";
        Response refused = post(OPERATOR, late);
        refused.then().statusCode(409).contentType("application/problem+json").body("detail", containsString("2023-03"));
        // the month of another municipality is still open
        post(OPERATOR_GOMEZ, "[" + Api.report(null, "RC-01-01", GOMEZ, "2023-03-29", "1") + "]").then().statusCode(202);

        JsonPath c = awaitCompleteness(j -> "ACCEPTED".equals(unit(j, DURANGO).get("submission")));
        assertEquals("ACCEPTED", unit(c, DURANGO).get("submission"));

        as(OPERATOR_GOMEZ).post("/api/v1/reporting/10007/2023-03/submission").then().statusCode(200);
        as(ANALYST).contentType("application/json").body("{\"reason\":\"Falta el reporte de entregas trimestrales\"}")
                .post("/api/v1/reporting/10007/2023-03/submission/return").then().statusCode(200).body("status", equalTo("RETURNED"));
        // only an administrator of the state reopens
        as(ANALYST).contentType("application/json").body("{\"reason\":\"Corrección\"}")
                .post("/api/v1/reporting/10005/2023-03/submission/reopening").then().statusCode(403);
        as(ADMIN).contentType("application/json").body("{\"reason\":\"Faltaron visitas del día 28\"}")
                .post("/api/v1/reporting/10005/2023-03/submission/reopening").then().statusCode(200).body("status", equalTo("REOPENED"));

        post(OPERATOR, late).then().statusCode(202);
        Api.awaitIndicator("RC-01-01", STATE, "2023-03", v -> v.compareTo(new BigDecimal("17")) == 0, SETTLE).then().statusCode(200);
        assertEquals(0, Api.value(Api.indicator("RC-01-01", STATE, "2023-03")).compareTo(new BigDecimal("17")),
                "March of the state: 7 + 4 + 1 + 5");
        JsonPath reopened = awaitCompleteness(j -> "REOPENED".equals(unit(j, DURANGO).get("submission"))
                && "RETURNED".equals(unit(j, GOMEZ).get("submission")));
        assertEquals("REOPENED", unit(reopened, DURANGO).get("submission"));
        assertEquals("RETURNED", unit(reopened, GOMEZ).get("submission"));
        JsonPath history = as(OPERATOR).get("/api/v1/reporting/10005/2023-03/submission").then().statusCode(200)
                .extract().jsonPath();
        assertFalse(history.getBoolean("locked"));
        assertNotNull(history.getList("history"));
        assertEquals(3, history.getList("history").size(), "submitted, accepted, reopened: " + history.prettify());
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
