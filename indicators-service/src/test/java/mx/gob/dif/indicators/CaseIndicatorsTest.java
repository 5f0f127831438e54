package mx.gob.dif.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.CaseEvent;
import mx.gob.dif.events.CloudEvent;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.EventWriter;
import mx.gob.dif.events.SchemaValidator;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.events.Topics;
import mx.gob.dif.indicators.messaging.CaseApplier;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static mx.gob.dif.indicators.IndicatorsTestSupport.ALL_MONTHS;
import static mx.gob.dif.indicators.IndicatorsTestSupport.assertDecimal;
import static mx.gob.dif.indicators.IndicatorsTestSupport.awaitValue;
import static mx.gob.dif.indicators.IndicatorsTestSupport.caseRef;
import static mx.gob.dif.indicators.IndicatorsTestSupport.consumer;
import static mx.gob.dif.indicators.IndicatorsTestSupport.events;
import static mx.gob.dif.indicators.IndicatorsTestSupport.poll;
import static mx.gob.dif.indicators.IndicatorsTestSupport.rebuild;
import static mx.gob.dif.indicators.IndicatorsTestSupport.sleep;
import static mx.gob.dif.indicators.TestCallers.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Case events on the real broker in, case counts, case-metric targets and the PDG-02 procedure
 * indicators out of the REST API. Its own state (25, Sinaloa) and indicators so it shares the
 * application and the broker with IndicatorPipelineTest without touching its data.
 * <p>
 * 25006: received Jan 3, Feb 2, Mar 1 (6); enrolled 2; referred 3, letters issued 2; follow-ups
 * requested 4, delivered 4 of which 3 on time (one judged by its due date); monthly reports Jan on
 * time, Feb late, Mar on time; interventions 5; one status change (not counted).
 * 25012: received 4 in January, January's monthly report on time.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_indicators"))
class CaseIndicatorsTest {
    private static boolean seeded;
    @Inject
    AgroalDataSource ds;
    /** One event id sent three times (twice in one batch, once later): counts once. */
    private static final String REPEATED = UUID.randomUUID().toString();

    @BeforeEach
    void seed() throws Exception {
        if (seeded) {
            return;
        }
        seeded = true;
        events().orgUnit("MX", "México", "NATIONAL", null);
        events().orgUnit("25", "Sinaloa", "STATE", "MX");
        for (String m : List.of("25006", "25012", "25018")) {
            events().orgUnit(m, "Municipio " + m, "MUNICIPAL", "25");
        }
        // the tests that add events work in another state, so the counts above stay put whatever the test order
        events().orgUnit("26", "Sonora", "STATE", "MX");
        events().orgUnit("26001", "Municipio 26001", "MUNICIPAL", "26");
        // seed 000: Gestoría Social, "Casos atendidos" 702 in the first year
        target("GS-01", "CASES_ATTENDED", "702", ALL_MONTHS);
        target("GS-02", "CASES_REFERRED", "100", ALL_MONTHS);
        target("GS-03", null, "50", ALL_MONTHS); // an ordinary target in the same program
        TargetChanged sonora = new TargetChanged("26", 2021, "GS", "Gestoría Social", "GS-01", "Casos atendidos", "GS-01", "Caso",
                new BigDecimal("845"), "SUM", null, ALL_MONTHS, false, "CASES_ATTENDED");
        events().send(Topics.CATALOG_TARGETS, sonora.key(), EventTypes.TARGET_CHANGED, sonora);
        events().flush();

        String u = "25006";
        sendCase(REPEATED, u, "RECEIVED", "2021-01-05", null, null);
        sendCase(REPEATED, u, "RECEIVED", "2021-01-05", null, null); // a resend in the same batch
        sendCase(null, u, "RECEIVED", "2021-01-06", null, null);
        sendCase(null, u, "RECEIVED", "2021-01-07", null, null);
        sendCase(null, u, "RECEIVED", "2021-02-01", null, null);
        sendCase(null, u, "RECEIVED", "2021-02-20", null, null);
        sendCase(null, u, "RECEIVED", "2021-03-31", null, null);
        sendCase(null, u, "ENROLLED", "2021-01-10", null, null);
        sendCase(null, u, "ENROLLED", "2021-01-11", null, null);
        sendCase(null, u, "STATUS_CHANGED", "2021-01-11", null, null);
        for (int i = 1; i <= 3; i++) {
            sendCase(null, u, "REFERRED", "2021-02-0" + i, null, null);
        }
        sendCase(null, u, "REFERRAL_LETTER_ISSUED", "2021-02-04", null, null);
        sendCase(null, u, "REFERRAL_LETTER_ISSUED", "2021-02-05", null, null);
        for (int i = 1; i <= 4; i++) {
            sendCase(null, u, "FOLLOW_UP_REQUESTED", "2021-03-0" + i, "2021-03-2" + i, null);
        }
        sendCase(null, u, "FOLLOW_UP_DELIVERED", "2021-03-15", "2021-03-21", true);
        sendCase(null, u, "FOLLOW_UP_DELIVERED", "2021-03-16", "2021-03-22", true);
        sendCase(null, u, "FOLLOW_UP_DELIVERED", "2021-03-28", "2021-03-23", false);
        sendCase(null, u, "FOLLOW_UP_DELIVERED", "2021-03-24", "2021-03-24", null); // on the due date: on time
        sendCase(null, u, "MONTHLY_REPORT_DELIVERED", "2021-01-31", "2021-02-05", true);
        sendCase(null, u, "MONTHLY_REPORT_DELIVERED", "2021-02-28", "2021-03-05", false);
        sendCase(null, u, "MONTHLY_REPORT_DELIVERED", "2021-03-31", "2021-04-05", true);
        for (int i = 1; i <= 5; i++) {
            sendCase(null, u, "INTERVENTION_RECORDED", "2021-04-0" + i, null, null);
        }
        for (int i = 1; i <= 4; i++) {
            sendCase(null, "25012", "RECEIVED", "2021-01-1" + i, null, null);
        }
        sendCase(null, "25012", "MONTHLY_REPORT_DELIVERED", "2021-01-31", "2021-02-05", true);
        // an activity report against a case-counted target is not what it counts
        ActivityReported a = new ActivityReported(UUID.randomUUID().toString(), "GS-01", u, "25", 2021, LocalDate.parse("2021-01-20"),
                new BigDecimal("1000"));
        events().report(a);
        events().flush();
    }

    @Test
    void caseCountsPerMonthAndTheProcedureIndicators() {
        awaitCount("25006", "2021", "casesAttended", 6);
        awaitCount("25006", "2021", "interventions", 5);
        awaitCount("25012", "2021", "casesAttended", 4);
        Response r = given().get("/api/v1/indicators/procedure?orgUnit=25006&period=2021");
        r.then().statusCode(200).body("procedure", equalTo("PDG-02")).body("orgUnit", equalTo("25006")).body("period", equalTo("2021"))
                .body("counts.casesAttended", equalTo(6)).body("counts.casesEnrolled", equalTo(2))
                .body("counts.casesReferred", equalTo(3)).body("counts.referralLettersIssued", equalTo(2))
                .body("counts.followUpReportsRequested", equalTo(4)).body("counts.followUpReportsDelivered", equalTo(4))
                .body("counts.followUpReportsOnTime", equalTo(3)).body("counts.monthlyReportsDelivered", equalTo(3))
                .body("counts.monthlyReportsOnTime", equalTo(2)).body("counts.interventions", equalTo(5))
                .body("referralLetters.numerator", equalTo(2)).body("referralLetters.denominator", equalTo(3))
                .body("followUpReportsOnTime.numerator", equalTo(3)).body("followUpReportsOnTime.denominator", equalTo(4))
                // 2021 is over: 12 monthly reports were due from the one reporting unit
                .body("monthlyReportsOnTime.numerator", equalTo(2)).body("monthlyReportsOnTime.denominator", equalTo(12))
                .body("monthsDue", equalTo(12)).body("reportingUnits", equalTo(1));
        assertDecimal("66.67", r, "referralLetters.percent");
        assertDecimal("75", r, "followUpReportsOnTime.percent");
        assertDecimal("16.67", r, "monthlyReportsOnTime.percent");

        // the first quarter only: interventions are in April
        Response q1 = given().get("/api/v1/indicators/procedure?orgUnit=25006&period=2021-Q1");
        q1.then().statusCode(200).body("counts.interventions", equalTo(0)).body("counts.casesAttended", equalTo(6))
                .body("monthlyReportsOnTime.denominator", equalTo(3)).body("monthlyReportsOnTime.numerator", equalTo(2));
        assertDecimal("66.67", q1, "monthlyReportsOnTime.percent");
        given().get("/api/v1/indicators/procedure?orgUnit=25006&period=2021-02").then().statusCode(200)
                .body("counts.casesAttended", equalTo(2)).body("followUpReportsOnTime.denominator", equalTo(0))
                .body("followUpReportsOnTime.percent", nullValue()).body("monthlyReportsOnTime.numerator", equalTo(0));
        given().get("/api/v1/indicators/procedure?orgUnit=25006&period=2021-YTD-2021-01-31").then().statusCode(200)
                .body("counts.casesAttended", equalTo(3)).body("counts.casesEnrolled", equalTo(2));

        // the state rolls up its municipalities: two of them run cases, so 24 monthly reports were due
        Response state = given().get("/api/v1/indicators/procedure?orgUnit=25&period=2021");
        state.then().statusCode(200).body("counts.casesAttended", equalTo(10)).body("reportingUnits", equalTo(2))
                .body("monthlyReportsOnTime.numerator", equalTo(3)).body("monthlyReportsOnTime.denominator", equalTo(24));
        assertDecimal("12.5", state, "monthlyReportsOnTime.percent");
        // a unit without any case: nothing requested (null percents), its own monthly reports still due
        given().get("/api/v1/indicators/procedure?orgUnit=25018&period=2021").then().statusCode(200)
                .body("counts.casesAttended", equalTo(0)).body("referralLetters.percent", nullValue())
                .body("monthlyReportsOnTime.denominator", equalTo(12));
        assertDecimal("0", given().get("/api/v1/indicators/procedure?orgUnit=25018&period=2021"), "monthlyReportsOnTime.percent");

        given().get("/api/v1/indicators/procedure?orgUnit=25006&period=2021-Q9").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/indicators/procedure?orgUnit=25999&period=2021").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/indicators/procedure?period=2021").then().statusCode(400);
    }

    @Test
    void redeliveredAndResentEventsCountOnceAndInvalidOnesAreSkipped() throws Exception {
        awaitCount("25006", "2021", "casesAttended", 6);
        long skippedBefore = skipped();
        // the same id again, later, in another batch
        sendCase(REPEATED, "25006", "RECEIVED", "2021-01-05", null, null);
        // schema-invalid: a name would be personal data, the contract has no such field; a bad caseRef; not JSON at all
        CaseEvent ok = new CaseEvent(caseRef(), "26001", "RECEIVED", "RECEIVED", "FOOD", "WALK_IN", null, null, null, "30-59", "M",
                LocalDate.parse("2021-05-05"), null, null, null);
        com.fasterxml.jackson.databind.node.ObjectNode withName = EventJson.MAPPER.valueToTree(ok);
        withName.put("name", "Persona de prueba");
        sendRaw(UUID.randomUUID().toString(), withName);
        com.fasterxml.jackson.databind.node.ObjectNode badRef = EventJson.MAPPER.valueToTree(ok);
        badRef.put("caseRef", "not-a-pseudonym");
        sendRaw(UUID.randomUUID().toString(), badRef);
        events().record(Topics.CASE_EVENTS, "x", "{not json").get();
        com.fasterxml.jackson.databind.node.ObjectNode badDate = EventJson.MAPPER.valueToTree(ok);
        badDate.put("date", "2021-13-45");
        sendRaw(UUID.randomUUID().toString(), badDate);
        // and valid events after them: the consumer went on; one of them sent twice more
        String twice = UUID.randomUUID().toString();
        sendCase(twice, "26001", "RECEIVED", "2021-05-06", null, null);
        sendCase(null, "26001", "RECEIVED", "2021-05-07", null, null);
        events().flush();
        awaitCount("26001", "2021-05", "casesAttended", 2);
        sendCase(twice, "26001", "RECEIVED", "2021-05-06", null, null);
        sendCase(twice, "26001", "RECEIVED", "2021-05-06", null, null);
        sendCase(null, "26001", "ENROLLED", "2021-05-08", null, null);
        events().flush();
        awaitCount("26001", "2021-05", "casesEnrolled", 1);
        awaitCount("26001", "2021-05", "casesAttended", 2);
        awaitCount("25006", "2021", "casesAttended", 6);
        assertTrue(poll(10, CaseIndicatorsTest::skipped, n -> n >= skippedBefore + 4) >= skippedBefore + 4, "4 invalid events skipped");
        given().get("/q/health/ready").then().statusCode(200);
        // a rebalance-free redelivery of the whole first batch: the same ids again do not count
        sendCase(REPEATED, "25006", "RECEIVED", "2021-01-05", null, null);
        events().flush();
        sleep(500);
        given().get("/api/v1/indicators/procedure?orgUnit=25006&period=2021-01").then().body("counts.casesAttended", equalTo(3));
    }

    /** What a redelivery after a crash between the database commit and the offset commit would do, on the real database. */
    @Test
    void aBatchAppliedTwiceCountsOnce() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        List<CaseApplier.CaseChange> batch = List.of(
                new CaseApplier.CaseChange(a, "26077", "RECEIVED", LocalDate.of(2021, 8, 1), false),
                new CaseApplier.CaseChange(b, "26077", "FOLLOW_UP_DELIVERED", LocalDate.of(2021, 8, 2), true),
                new CaseApplier.CaseChange(a, "26077", "RECEIVED", LocalDate.of(2021, 8, 1), false));
        List<List<CaseApplier.Key>> changed = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                changed.add(CaseApplier.apply(c, batch));
                c.commit();
            }
        }
        assertEquals(3, changed.get(0).size());
        assertEquals(List.of(), changed.get(1));
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select metric, count from case_count where org_unit = '26077' and year = 2021 and month = 8")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertEquals(Map.of("CASES_ATTENDED", 1L, "FOLLOW_UP_REPORTS_DELIVERED", 1L, "FOLLOW_UP_REPORTS_ON_TIME", 1L), counts);
    }

    @Test
    void aTargetCountedFromCasesIsLikeAnyOtherIndicator() throws Exception {
        awaitValue("GS-01", "25012", "2021", "4");
        awaitCount("25006", "2021-03", "casesAttended", 1);
        awaitValue("GS-01", "25006", "2021-Q1", "6");
        // 6 of 702; the activity report of 1000 against GS-01 does not count
        Response r = given().get("/api/v1/indicators/GS-01?orgUnit=25006&period=2021-Q1");
        r.then().statusCode(200).body("method", equalTo("SUM")).body("target", equalTo(702)).body("planOrgUnit", equalTo("25"))
                .body("status", equalTo("RED")).body("months.month", equalTo(List.of(1, 2, 3)))
                .body("months.value", equalTo(List.of(3, 2, 1)));
        assertDecimal("0.85", r, "percent"); // 100 × 6 / 702 = 0.8547
        assertDecimal("175.5", r, "expected"); // a quarter of 702 once the year is over
        // the state: the sum of its municipalities
        Response state = given().get("/api/v1/indicators/GS-01?orgUnit=25&period=2021-Q1");
        assertDecimal("10", state, "value");
        assertDecimal("1.42", state, "percent");
        // referred cases against their own target
        awaitValue("GS-02", "25006", "2021", "3");
        // program progress and the closing report carry them
        Response progress = given().get("/api/v1/programs/GS/progress?orgUnit=25&period=2021-Q1");
        progress.then().statusCode(200).body("indicators.indicator", hasItem("GS-01"))
                .body("indicators.find { it.indicator == 'GS-01' }.value", equalTo(10))
                .body("indicators.find { it.indicator == 'GS-02' }.value", equalTo(3))
                .body("indicators.find { it.indicator == 'GS-03' }.value", equalTo(0));
        given().get("/api/v1/reports/closing?orgUnit=25&fiscalYear=2021").then().statusCode(200)
                .body("rows.find { it.indicator == 'GS-01' }.target", equalTo(702))
                .body("rows.find { it.indicator == 'GS-02' }.value", equalTo(3));
        assertDecimal("1.42", given().get("/api/v1/reports/closing?orgUnit=25&fiscalYear=2021"),
                "rows.find { it.indicator == 'GS-01' }.percent");
    }

    @Test
    void aChangedCaseCountPublishesIndicatorUpdatedEvents() throws Exception {
        awaitValue("GS-01", "25012", "2021", "4");
        try (KafkaConsumer<String, String> c = consumer(Topics.INDICATOR_UPDATES, "latest")) {
            while (c.assignment().isEmpty()) {
                c.poll(Duration.ofMillis(100));
            }
            long before = new BigDecimal(given().get("/api/v1/indicators/GS-01?orgUnit=26001&period=2021").then().statusCode(200)
                    .extract().jsonPath().getString("value")).longValue();
            sendCase(null, "26001", "RECEIVED", "2021-06-01", null, null);
            events().flush();
            long deadline = System.currentTimeMillis() + 15_000;
            boolean unit = false;
            boolean state = false;
            while (System.currentTimeMillis() < deadline && !(unit && state)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    JsonNode e = EventJson.MAPPER.readTree(r.value());
                    assertEquals(List.of(), SchemaValidator.validate(e), r.value());
                    JsonNode d = e.get("data");
                    if (r.key().equals("26001|GS-01") && d.get("value").decimalValue().longValue() > before) {
                        unit = true;
                        assertEquals(0, new BigDecimal("845").compareTo(d.get("target").decimalValue()));
                    }
                    if (r.key().equals("26|GS-01")) {
                        state = true;
                    }
                }
            }
            assertTrue(unit, "municipality event with the new count");
            assertTrue(state, "state roll-up event");
        }
    }

    @Test
    void rebuildReplaysTheCaseLogToTheSameResults() {
        awaitCount("25006", "2021", "interventions", 5);
        awaitCount("25012", "2021", "casesAttended", 4);
        sleep(500);
        List<Object> before = snapshot();
        rebuild().body("events", greaterThanOrEqualTo(30));
        assertEquals(before, snapshot());
    }

    private static List<Object> snapshot() {
        List<Object> out = new ArrayList<>();
        for (String unit : List.of("25", "25006", "25012", "25018")) {
            for (String period : List.of("2021", "2021-Q1", "2021-05")) {
                Map<String, Object> m = given().get("/api/v1/indicators/procedure?orgUnit=" + unit + "&period=" + period)
                        .then().statusCode(200).extract().jsonPath().getMap("");
                m.remove("asOf");
                out.add(m);
            }
            for (String code : List.of("GS-01", "GS-02")) {
                Map<String, Object> m = given().get("/api/v1/indicators/" + code + "?orgUnit=" + unit + "&period=2021")
                        .then().statusCode(200).extract().jsonPath().getMap("");
                m.remove("asOf");
                out.add(m);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private static long skipped() {
        Number n = given().get("/q/health/ready").then().extract()
                .path("checks.find { it.name == 'event-loops' }.data.'activities.deadLettered'");
        return n.longValue();
    }

    private static void awaitCount(String unit, String period, String count, long expected) {
        Object v = poll(15, () -> {
            Response r = given().get("/api/v1/indicators/procedure?orgUnit=" + unit + "&period=" + period);
            return r.statusCode() == 200 ? r.jsonPath().get("counts." + count) : null;
        }, got -> got instanceof Number n && n.longValue() == expected);
        // JSON numbers come back as Integer: compared as long, not with equals
        assertTrue(v instanceof Number n && n.longValue() == expected, unit + " " + period + " " + count + ": expected " + expected + ", got " + v);
    }

    private static void target(String code, String caseMetric, String annual, List<Integer> months) {
        TargetChanged t = new TargetChanged("25", 2021, "GS", "Gestoría Social", code, "Acción " + code, code, "Caso",
                new BigDecimal(annual), "SUM", null, months, false, caseMetric);
        events().send(Topics.CATALOG_TARGETS, t.key(), EventTypes.TARGET_CHANGED, t);
    }

    private static void sendCase(String id, String unit, String change, String date, String due, Boolean onTime) {
        CaseEvent e = new CaseEvent(caseRef(), unit, change, null, "EDUCATION", "DIRECTORATE", null, null, null, "12-17", "H",
                LocalDate.parse(date), due == null ? null : LocalDate.parse(due), onTime, null);
        events().caseEvent(id == null ? UUID.randomUUID().toString() : id, e);
    }

    private static void sendRaw(String id, JsonNode data) {
        String key = data.path("caseRef").asText("x");
        events().record(Topics.CASE_EVENTS, key, EventWriter.write(CloudEvent.of(id, "/cases-service", EventTypes.CASE_CHANGED, key, data)));
    }
}
