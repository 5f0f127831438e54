package mx.gob.dif.indicators;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.ActivityReported;
import mx.gob.dif.events.CaseEvent;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.OutcomeGoalChanged;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static mx.gob.dif.indicators.IndicatorsTestSupport.ALL_MONTHS;
import static mx.gob.dif.indicators.IndicatorsTestSupport.assertDecimal;
import static mx.gob.dif.indicators.IndicatorsTestSupport.caseRef;
import static mx.gob.dif.indicators.IndicatorsTestSupport.events;
import static mx.gob.dif.indicators.IndicatorsTestSupport.poll;
import static mx.gob.dif.indicators.IndicatorsTestSupport.rebuild;
import static mx.gob.dif.indicators.TestCallers.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outcome goals from OutcomeGoalChanged events on the real broker, their ratios from activity and
 * case events(). Its own state (27, Tabasco) so it shares the application and broker with the other tests.
 * <p>
 * Both municipalities plan program OG with OG-NUM (SUM) and OG-DEN (LAST: the padrón as last reported);
 * goal OG-M1 = OG-NUM / OG-DEN, 95 %. 27001: OG-NUM 50 (Jan) + 55 (Feb) = 105, OG-DEN 110 (Jan), 116 (Feb)
 * → 116: 90.52 %. 27002: OG-NUM 30, OG-DEN 60: 50 %. The state (no plan of its own) divides the
 * rolled-up sums: 135 / 176 = 76.7 % (the mean of the two ratios would be 70.26).
 * 27001 also has OG-ZERO (denominator OG-EMPTY, never reported: no ratio), OG-CASES (case events:
 * 3 referred of 4 attended = 75 %, no target percent) and OG-M4 (free text only).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_indicators"))
class OutcomeGoalsTest {
    private static boolean seeded;

    @BeforeEach
    void seed() throws Exception {
        if (seeded) {
            return;
        }
        seeded = true;
        events().orgUnit("MX", "México", "NATIONAL", null);
        events().orgUnit("27", "Tabasco", "STATE", "MX");
        for (String m : List.of("27001", "27002")) {
            events().orgUnit(m, "Municipio " + m, "MUNICIPAL", "27");
            target(m, "OG-NUM", "SUM", "110");
            target(m, "OG-DEN", "LAST", "116");
            goal(m, "OG-M1", new OutcomeGoalChanged.Ref("OG-NUM", null), new OutcomeGoalChanged.Ref("OG-DEN", null), "95", false);
        }
        target("27001", "OG-EMPTY", "SUM", "10");
        goal("27001", "OG-ZERO", new OutcomeGoalChanged.Ref("OG-NUM", null), new OutcomeGoalChanged.Ref("OG-EMPTY", null), "80", false);
        goal("27001", "OG-CASES", new OutcomeGoalChanged.Ref(null, "CASES_REFERRED"), new OutcomeGoalChanged.Ref(null, "CASES_ATTENDED"),
                null, false);
        goal("27001", "OG-M4", null, null, null, false);
        events().flush();
        activity("OG-NUM", "27001", "2021-01-15", "50");
        activity("OG-NUM", "27001", "2021-02-15", "55");
        activity("OG-DEN", "27001", "2021-01-20", "110");
        activity("OG-DEN", "27001", "2021-02-20", "116");
        activity("OG-NUM", "27002", "2021-01-15", "30");
        activity("OG-DEN", "27002", "2021-01-20", "60");
        for (int i = 1; i <= 4; i++) {
            kase("27001", "RECEIVED", "2021-03-0" + i);
        }
        for (int i = 1; i <= 3; i++) {
            kase("27001", "REFERRED", "2021-03-1" + i);
        }
        events().flush();
    }

    @Test
    void aMunicipalityRatioDividesItsIndicatorsValuesEachUnderItsOwnMethod() {
        Response r = awaitRatio("OG-M1", "27001", "2021", "90.52");
        r.then().body("goal", equalTo("OG-M1")).body("program", equalTo("OG")).body("orgUnit", equalTo("27001"))
                .body("period", equalTo("2021")).body("component", equalTo("Componente OG-M1"))
                .body("numerator.ref.indicator", equalTo("OG-NUM")).body("denominator.ref.indicator", equalTo("OG-DEN"))
                .body("status", equalTo("GREEN"));
        assertDecimal("105", r, "numerator.value");
        assertDecimal("116", r, "denominator.value");
        assertDecimal("95", r, "targetPercent");
        // January only: 50 of 110
        assertDecimal("45.45", given().get("/api/v1/outcome-goals/OG-M1?orgUnit=27001&period=2021-01").then().statusCode(200)
                .body("status", equalTo("RED")).extract().response(), "ratio");
        awaitRatio("OG-M1", "27002", "2021", "50").then().body("status", equalTo("RED"));
    }

    @Test
    void theStateRatioDividesTheRolledUpSums() {
        awaitRatio("OG-M1", "27001", "2021", "90.52");
        Response r = awaitRatio("OG-M1", "27", "2021", "76.7");
        assertDecimal("135", r, "numerator.value");
        assertDecimal("176", r, "denominator.value");
        r.then().body("status", equalTo("YELLOW")).body("orgUnit", equalTo("27"));
    }

    @Test
    void aZeroDenominatorHasNoRatioAndCaseMetricSidesCountCaseEvents() {
        awaitRatio("OG-M1", "27001", "2021", "90.52");
        given().get("/api/v1/outcome-goals/OG-ZERO?orgUnit=27001&period=2021").then().statusCode(200)
                .body("ratio", nullValue()).body("status", nullValue()).body("denominator.value", equalTo(0));
        Response cases = awaitRatio("OG-CASES", "27001", "2021", "75");
        cases.then().body("numerator.ref.caseMetric", equalTo("CASES_REFERRED")).body("numerator.value", equalTo(3))
                .body("denominator.ref.caseMetric", equalTo("CASES_ATTENDED")).body("denominator.value", equalTo(4))
                .body("targetPercent", nullValue()).body("status", nullValue());
        // the first two months had no case: 0 / 0
        given().get("/api/v1/outcome-goals/OG-CASES?orgUnit=27001&period=2021-02").then().statusCode(200).body("ratio", nullValue());
        given().get("/api/v1/outcome-goals/OG-M4?orgUnit=27001&period=2021").then().statusCode(200)
                .body("numerator", nullValue()).body("ratio", nullValue());
    }

    @Test
    void goalsAreListedPerUnitAndProgramAddedToProgressAndDeletedByTheirEvent() throws Exception {
        awaitRatio("OG-M1", "27001", "2021", "90.52");
        given().get("/api/v1/outcome-goals?orgUnit=27001&fiscalYear=2021").then().statusCode(200)
                .body("goal", hasItem("OG-CASES")).body("goal", hasItem("OG-M1")).body("goal", hasItem("OG-ZERO"));
        given().get("/api/v1/outcome-goals?orgUnit=27001&fiscalYear=2021&program=NOPE").then().statusCode(200).body("$", hasSize(0));
        Response progress = given().get("/api/v1/programs/OG/progress?orgUnit=27&period=2021");
        progress.then().statusCode(200).body("program", equalTo("OG")).body("indicators.indicator", hasItem("OG-NUM"))
                .body("outcomeGoals.find { it.goal == 'OG-M1' }.status", equalTo("YELLOW"));
        assertDecimal("76.7", progress, "outcomeGoals.find { it.goal == 'OG-M1' }.ratio");
        given().get("/api/v1/outcome-goals?fiscalYear=2021").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/outcome-goals/OG-M1?orgUnit=27001&period=2021-Q9").then().statusCode(400);
        given().get("/api/v1/outcome-goals/NOPE?orgUnit=27001&period=2021").then().statusCode(404).contentType("application/problem+json");

        goal("27002", "OG-GONE", null, null, null, false);
        events().flush();
        awaitStatus("/api/v1/outcome-goals/OG-GONE?orgUnit=27002&period=2021", 200);
        goal("27002", "OG-GONE", null, null, null, true);
        events().flush();
        awaitStatus("/api/v1/outcome-goals/OG-GONE?orgUnit=27002&period=2021", 404);
    }

    @Test
    void aRebuildFromTheLogKeepsTheGoalsAndGivesTheSameRatios() {
        awaitRatio("OG-M1", "27", "2021", "76.7");
        awaitRatio("OG-CASES", "27001", "2021", "75");
        rebuild();
        awaitRatio("OG-M1", "27001", "2021", "90.52");
        awaitRatio("OG-M1", "27", "2021", "76.7");
        awaitRatio("OG-CASES", "27001", "2021", "75");
    }

    private static Response awaitRatio(String goal, String unit, String period, String expected) {
        Response r = poll(20, () -> given().get("/api/v1/outcome-goals/" + goal + "?orgUnit=" + unit + "&period=" + period),
                got -> hasRatio(got, expected));
        assertTrue(hasRatio(r, expected), goal + " " + unit + " " + period + ": expected ratio " + expected + ", got "
                + r.statusCode() + " " + r.asString());
        return r;
    }

    private static boolean hasRatio(Response r, String expected) {
        String v = r.statusCode() == 200 ? r.jsonPath().getString("ratio") : null;
        return v != null && new BigDecimal(v).compareTo(new BigDecimal(expected)) == 0;
    }

    private static void awaitStatus(String path, int status) {
        assertEquals(status, poll(20, () -> given().get(path).statusCode(), got -> got == status), path);
    }

    private static void target(String unit, String code, String method, String annual) {
        TargetChanged t = new TargetChanged(unit, 2021, "OG", "Metas de intervención", code, "Acción " + code, code, "Persona",
                new BigDecimal(annual), method, null, ALL_MONTHS, false, null);
        events().send(Topics.CATALOG_TARGETS, t.key(), EventTypes.TARGET_CHANGED, t);
    }

    private static void goal(String unit, String code, OutcomeGoalChanged.Ref num, OutcomeGoalChanged.Ref den, String targetPercent,
                             boolean deleted) {
        OutcomeGoalChanged g = new OutcomeGoalChanged(unit, 2021, "OG", code, "Componente " + code, "Meta " + code, num, den,
                targetPercent == null ? null : new BigDecimal(targetPercent), deleted);
        events().send(Topics.CATALOG_OUTCOME_GOALS, g.key(), EventTypes.OUTCOME_GOAL_CHANGED, g);
    }

    private static void activity(String indicator, String unit, String date, String quantity) {
        ActivityReported a = new ActivityReported(UUID.randomUUID().toString(), indicator, unit, unit, 2021, LocalDate.parse(date),
                new BigDecimal(quantity));
        events().report(a);
    }

    private static void kase(String unit, String change, String date) {
        CaseEvent e = new CaseEvent(caseRef(), unit, change, null, "EDUCATION", "DIRECTORATE", null, null, null, "12-17", "H",
                LocalDate.parse(date), null, null, null);
        events().caseEvent(UUID.randomUUID().toString(), e);
    }
}
