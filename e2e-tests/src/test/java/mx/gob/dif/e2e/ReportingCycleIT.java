package mx.gob.dif.e2e;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the tests read of a breakdown (API.md, "Reporting cycle"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Breakdown(Total total, List<Row> rows) {
        Row row(String orgUnit) {
            return rows.stream().filter(r -> orgUnit.equals(r.orgUnit())).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + orgUnit + " in " + rows));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Total(BigDecimal value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Row(String orgUnit, BigDecimal value, Boolean reported) {
    }

    /** What the tests read of a completeness answer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Completeness(int due, int reported, int onTime, BigDecimal rate, List<Unit> units) {
        Unit unit(String orgUnit) {
            return units.stream().filter(u -> orgUnit.equals(u.orgUnit())).findFirst()
                    .orElseThrow(() -> new AssertionError("no unit " + orgUnit + " in " + units));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Unit(String orgUnit, int due, int reported, int missing, String submission) {
    }

    private static <T> T read(Response r, Class<T> type) {
        r.then().statusCode(200);
        try {
            return JSON.readValue(r.asString(), type);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + r.asString(), e);
        }
    }

    @Test
    @Order(1)
    void breakdownRowsAddUpToTheRollUpOfTheState() {
        Breakdown b = read(as(ANALYST).get("/api/v1/indicators/RC-01-01/breakdown?orgUnit=10&period=2023-Q1"), Breakdown.class);
        assertEquals(40, b.rows().size(), "39 municipalities and the state's own reports: " + b.rows().size());
        BigDecimal sum = b.rows().stream().map(Row::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(new BigDecimal("21")), "rows add up to " + sum);
        assertEquals(0, b.total().value().compareTo(new BigDecimal("21")));
        BigDecimal single = Api.value(Api.indicator("RC-01-01", STATE, "2023-Q1"));
        assertEquals(0, b.total().value().compareTo(single), "total equals GET /indicators for the state");

        assertEquals(0, b.row(DURANGO).value().compareTo(new BigDecimal("17")));
        assertEquals(Boolean.TRUE, b.row(DURANGO).reported());
        assertEquals(0, b.row(GOMEZ).value().compareTo(new BigDecimal("4")));
        assertEquals(Boolean.TRUE, b.row(GOMEZ).reported());
        assertEquals(0, b.row("10001").value().compareTo(BigDecimal.ZERO));
        assertEquals(Boolean.FALSE, b.row("10001").reported());
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
        Completeness c = awaitCompleteness(j -> true);
        assertEquals(39, c.units().size(), "one row per municipality of the state");
        int due = c.units().stream().mapToInt(Unit::due).sum();
        int reported = c.units().stream().mapToInt(Unit::reported).sum();
        assertEquals(due, c.due());
        assertEquals(reported, c.reported());
        assertEquals(3, reported, "Durango reported both targets in March, Gómez Palacio one");

        assertEquals(2, c.unit(DURANGO).due());
        assertEquals(2, c.unit(DURANGO).reported());
        assertEquals(2, c.unit(GOMEZ).due());
        assertEquals(1, c.unit(GOMEZ).reported());
        assertEquals(1, c.unit(GOMEZ).missing(), "a due target with no report is missing, not zero");
        assertEquals(2, c.unit("10001").missing());
        // reports of 2023 arrive years after the deadline of day 10 of the next month
        assertEquals(0, c.onTime());
        BigDecimal expectedRate = BigDecimal.valueOf(300).divide(BigDecimal.valueOf(due), 2, RoundingMode.HALF_UP);
        assertEquals(0, c.rate().setScale(2, RoundingMode.HALF_UP).compareTo(expectedRate), "rate " + c.rate() + " of " + due + " due");
    }

    private static Completeness awaitCompleteness(Predicate<Completeness> condition) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Completeness last;
        do {
            last = read(as(ANALYST).get("/api/v1/reporting/completeness?orgUnit=10&period=2023-03"), Completeness.class);
            if (condition.test(last)) {
                return last;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        return last;
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

        Completeness c = awaitCompleteness(j -> "ACCEPTED".equals(j.unit(DURANGO).submission()));
        assertEquals("ACCEPTED", c.unit(DURANGO).submission());

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
        Completeness reopened = awaitCompleteness(j -> "REOPENED".equals(j.unit(DURANGO).submission())
                && "RETURNED".equals(j.unit(GOMEZ).submission()));
        assertEquals("REOPENED", reopened.unit(DURANGO).submission());
        assertEquals("RETURNED", reopened.unit(GOMEZ).submission());
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
