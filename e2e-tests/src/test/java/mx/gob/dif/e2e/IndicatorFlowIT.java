package mx.gob.dif.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static mx.gob.dif.e2e.Tokens.ADMIN;
import static mx.gob.dif.e2e.Tokens.OPERATOR;
import static mx.gob.dif.e2e.Tokens.OPERATOR_GOMEZ;
import static mx.gob.dif.e2e.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4 through the gateway with the real broker: a state plan with one target per method
 * (imported by the administrator), reports from two municipalities, each by its own operator
 * (Durango 10005, Gómez Palacio 10007), and every period checked against hand-computed values
 * (read by the state analyst).
 */
class IndicatorFlowIT {
    private static final List<String> METHODS = List.of("SUM", "MAX_QUARTER_MAX", "MAX_QUARTER_SUM", "MAX_SEMESTER_SUM", "AVERAGE", "LAST");

    @BeforeAll
    static void planAndReports() {
        Api.useGateway();
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i < METHODS.size(); i++) {
            String code = "E2E-01-0" + (i + 1);
            actions.append(i > 0 ? "," : "").append("{\"code\":\"").append(code).append("\",\"description\":\"Acción ")
                    .append(METHODS.get(i)).append("\",\"targets\":[{\"indicatorCode\":\"").append(code)
                    .append("\",\"unit\":\"Visita\",\"target\":120,\"method\":\"").append(METHODS.get(i)).append("\"}]}");
        }
        // E2E-01-07..09 (SUM) are for the tests that add reports of their own (one each), so the method checks stay exact
        for (int free = 7; free <= 9; free++) {
            actions.append(",{\"code\":\"E2E-01-0").append(free).append("\",\"description\":\"Acción libre\",\"targets\":[{\"indicatorCode\":\"E2E-01-0")
                    .append(free).append("\",\"unit\":\"Visita\",\"target\":120}]}");
        }
        String plan = "{\"orgUnit\":\"10\",\"fiscalYear\":2021,\"unit\":\"DIF Estatal Durango (prueba)\",\"programs\":[{\"code\":\"E2E-01\","
                + "\"name\":\"Programa de prueba\",\"calendarMonths\":[\"ENE\",\"FEB\",\"MAR\",\"ABR\",\"MAY\",\"JUN\",\"JUL\",\"AGO\",\"SEP\",\"OCT\",\"NOV\",\"DIC\"],"
                + "\"actions\":[" + actions + "]}]}";
        as(ADMIN).contentType("application/json").body(plan).post("/api/v1/work-plans/import").then().statusCode(201);

        StringBuilder durango = new StringBuilder("[");
        StringBuilder gomez = new StringBuilder("[");
        for (int i = 0; i < METHODS.size(); i++) {
            String code = "E2E-01-0" + (i + 1);
            for (String[] r : new String[][]{{"2021-01-10", "10"}, {"2021-02-11", "20"}, {"2021-04-05", "5"}, {"2021-07-07", "7"}}) {
                durango.append(durango.length() > 1 ? "," : "").append(Api.report(null, code, "10005", r[0], r[1]));
            }
            gomez.append(gomez.length() > 1 ? "," : "").append(Api.report(null, code, "10007", "2021-03-03", "3"));
        }
        as(OPERATOR).contentType("application/json").body(durango.append("]").toString()).post("/api/v1/activities")
                .then().statusCode(202).body("ids", hasSize(24));
        as(OPERATOR_GOMEZ).contentType("application/json").body(gomez.append("]").toString()).post("/api/v1/activities")
                .then().statusCode(202).body("ids", hasSize(6));
    }

    private static BigDecimal settled(String code, String unit, String period, String expected) {
        Response r = Api.awaitIndicator(code, unit, period, v -> v.compareTo(new BigDecimal(expected)) == 0, Duration.ofSeconds(10));
        r.then().statusCode(200);
        return Api.value(r);
    }

    private static void assertValue(String expected, String code, String unit, String period) {
        BigDecimal v = settled(code, unit, period, expected);
        assertEquals(0, new BigDecimal(expected).compareTo(v), code + " " + unit + " " + period + " was " + v);
    }

    @Test
    void sumForMonthQuarterSemesterYearAndPercent() {
        assertValue("42", "E2E-01-01", "10005", "2021");
        assertValue("20", "E2E-01-01", "10005", "2021-02");
        assertValue("30", "E2E-01-01", "10005", "2021-Q1");
        assertValue("35", "E2E-01-01", "10005", "2021-S1");
        assertValue("7", "E2E-01-01", "10005", "2021-S2");
        Response r = Api.indicator("E2E-01-01", "10005", "2021");
        r.then().body("method", equalTo("SUM"));
        assertEquals(0, new BigDecimal("120").compareTo(new BigDecimal(r.jsonPath().getString("target"))));
        assertEquals(0, new BigDecimal("35").compareTo(new BigDecimal(r.jsonPath().getString("percent"))), "42 of 120");
    }

    @Test
    void everyMethodOverTheYear() {
        assertValue("20", "E2E-01-02", "10005", "2021");   // max of quarter maxima
        assertValue("32", "E2E-01-03", "10005", "2021");   // 20 + 5 + 7
        assertValue("27", "E2E-01-04", "10005", "2021");   // 20 + 7
        assertValue("10.5", "E2E-01-05", "10005", "2021"); // (10 + 20 + 5 + 7) / 4
        assertValue("7", "E2E-01-06", "10005", "2021");    // July
        assertValue("15", "E2E-01-05", "10005", "2021-Q1");  // (10 + 20) / 2: months without reports do not count
        assertValue("5", "E2E-01-06", "10005", "2021-Q2");
    }

    @Test
    void stateRollUpIsTheSumOfItsMunicipalities() {
        // per method: 10005's year value, 10007's (a single report of 3), and the state's
        String[][] expected = {{"42", "3", "45"}, {"20", "3", "23"}, {"32", "3", "35"}, {"27", "3", "30"},
                {"10.5", "3", "13.5"}, {"7", "3", "10"}};
        for (int i = 0; i < METHODS.size(); i++) {
            String code = "E2E-01-0" + (i + 1);
            assertValue(expected[i][0], code, "10005", "2021");
            assertValue(expected[i][1], code, "10007", "2021");
            assertValue(expected[i][2], code, "10", "2021");
        }
    }

    @Test
    void aResentReportCountsOnceAndARetractedOneStopsCounting() {
        String id = UUID.randomUUID().toString();
        String one = "[" + Api.report(id, "E2E-01-07", "10005", "2021-05-05", "9") + "]";
        as(OPERATOR).contentType("application/json").body(one).post("/api/v1/activities").then().statusCode(202);
        as(OPERATOR).contentType("application/json").body(one).post("/api/v1/activities").then().statusCode(202);
        assertValue("9", "E2E-01-07", "10005", "2021");
        long t0 = System.nanoTime();
        as(OPERATOR).contentType("application/json").body("{\"reason\":\"capturado dos veces\"}")
                .post("/api/v1/activities/" + id + "/retraction").then().statusCode(202);
        assertValue("0", "E2E-01-07", "10005", "2021");
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "retraction visible within seconds");
    }

    @Test
    void aReportIsVisibleWithinASecond() {
        BigDecimal before = Api.value(Api.indicator("E2E-01-08", "10007", "2021"));
        BigDecimal base = before == null ? BigDecimal.ZERO : before;
        as(OPERATOR_GOMEZ).contentType("application/json").body(Api.report(null, "E2E-01-08", "10007", "2021-06-06", "4"))
                .post("/api/v1/activities").then().statusCode(202);
        long t0 = System.nanoTime();
        Response r = Api.awaitIndicator("E2E-01-08", "10007", "2021", v -> v.compareTo(base.add(new BigDecimal(4))) == 0, Duration.ofSeconds(5));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, base.add(new BigDecimal(4)).compareTo(Api.value(r)));
        assertTrue(seconds < 1.0, "visible after " + seconds + " s");
    }

    @Test
    void invalidReportsAreRejectedAndNothingIsStored() {
        String good = Api.report(null, "E2E-01-09", "10005", "2021-05-05", "1");
        for (String bad : List.of(
                Api.report(null, "NO-EXISTE", "10005", "2021-05-05", "1"),
                Api.report(null, "E2E-01-09", "10005", "2021-05-05", "-1"),
                Api.report(null, "E2E-01-09", "10005", "2021-05-05", "\"diez\""),
                Api.report(null, "E2E-01-09", "10005", "2999-05-05", "1"),
                Api.report(null, "E2E-01-09", "10005", "2021-02-30", "1"),
                Api.report(null, "E2E-01-01", "99999", "2021-05-05", "1"),
                Api.report(null, "E2E-01-09", "10007", "2021-05-05", "1"))) { // another municipality's
            as(OPERATOR).contentType("application/json").body("[" + good + "," + bad + "]").post("/api/v1/activities")
                    .then().statusCode(org.hamcrest.Matchers.oneOf(400, 422)).contentType("application/problem+json");
        }
        as(OPERATOR).contentType("application/json").body("[{\"indicator\":").post("/api/v1/activities")
                .then().statusCode(400).contentType("application/problem+json");
        Response r = Api.indicator("E2E-01-09", "10005", "2021");
        BigDecimal v = Api.value(r);
        assertTrue(v == null || v.signum() == 0, "nothing from rejected requests counts, got " + v);
    }
}
