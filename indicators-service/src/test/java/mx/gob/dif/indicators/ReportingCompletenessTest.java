package mx.gob.dif.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.ReportingMonthChanged;
import mx.gob.dif.events.SchemaValidator;
import mx.gob.dif.events.Topics;
import mx.gob.dif.indicators.messaging.OverdueReminders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static mx.gob.dif.indicators.IndicatorsTestSupport.consumer;
import static mx.gob.dif.indicators.IndicatorsTestSupport.events;
import static mx.gob.dif.indicators.IndicatorsTestSupport.poll;
import static mx.gob.dif.indicators.TestCallers.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Completeness and timeliness of a month, the submission statuses from dif.reporting.months, the closing report's
 * accepted months and the overdue reminders, on the state 12 data set of {@link ReportingCycleTest}: in April 2023
 * 12001 reported in time, 12002 late, 12003 (its own plan) not at all.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_indicators"))
class ReportingCompletenessTest {
    private static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    private static boolean statuses;

    @Inject
    OverdueReminders reminders;
    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void seed() {
        ReportingCycleTest.seedState12();
        if (!statuses) {
            statuses = true;
            month("12001", "2023-04", "SUBMITTED");
            month("12001", "2023-04", "ACCEPTED");
            month("12002", "2023-03", "RETURNED");
            events().flush();
        }
        String status = poll(15, () -> given().get("/api/v1/reporting/completeness?orgUnit=12&period=2023-04").then().extract()
                .path("units[0].submission"), "ACCEPTED"::equals);
        assertEquals("ACCEPTED", status, "the month statuses are applied before the checks");
    }

    @Test
    void dueReportedOnTimeAndMissingPerMunicipalityAndInTotal() {
        given().get("/api/v1/reporting/completeness?orgUnit=12&period=2023-04").then().statusCode(200)
                .body("orgUnit", equalTo("12")).body("period", equalTo("2023-04")).body("deadline", equalTo("2023-05-10"))
                .body("due", equalTo(3)).body("reported", equalTo(2)).body("missing", equalTo(1)).body("onTime", equalTo(1))
                .body("rate", equalTo(66.67f))
                .body("units.orgUnit", equalTo(List.of("12001", "12002", "12003")))
                .body("units[0].name", equalTo("Acapulco de Juárez"))
                // 12001: R-01 is the only target of the state's plan due in April (R-02 is quarterly, R-03 composite,
                // R-04 counted from cases); received April 28 and May 10 at 23:00, before the end of the deadline day
                .body("units[0].due", equalTo(1)).body("units[0].reported", equalTo(1)).body("units[0].onTime", equalTo(1))
                .body("units[0].submission", equalTo("ACCEPTED"))
                // 12002: received May 20, late
                .body("units[1].reported", equalTo(1)).body("units[1].onTime", equalTo(0)).body("units[1].submission", equalTo("NONE"))
                // 12003 reports against its own plan (R-01 only) and sent nothing for April: missing, not zero
                .body("units[2].due", equalTo(1)).body("units[2].reported", equalTo(0)).body("units[2].missing", equalTo(1))
                .body("units[2].rate", equalTo(0));
        // March: the quarterly R-02 is due too
        given().get("/api/v1/reporting/completeness?orgUnit=12&period=2023-03").then().statusCode(200)
                .body("due", equalTo(5)).body("reported", equalTo(2)).body("onTime", equalTo(2)).body("rate", equalTo(40))
                .body("units[0].due", equalTo(2)).body("units[1].submission", equalTo("RETURNED"));
        // a month nobody reported: everything missing
        given().get("/api/v1/reporting/completeness?orgUnit=12&period=2023-06").then().statusCode(200)
                .body("due", equalTo(5)).body("reported", equalTo(0)).body("missing", equalTo(5)).body("rate", equalTo(0));
    }

    @Test
    void aMunicipalitySeesItsOwnAndTheStateSeesAllOfItsMunicipalities() {
        RestAssured.given().auth().oauth2(TestTokens.operator("12003")).get("/api/v1/reporting/completeness?orgUnit=12003&period=2023-04")
                .then().statusCode(200).body("units.orgUnit", equalTo(List.of("12003"))).body("due", equalTo(1))
                .body("missing", equalTo(1));
        RestAssured.given().auth().oauth2(TestTokens.operator("12003")).get("/api/v1/reporting/completeness?orgUnit=12&period=2023-04")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("12003"));
        RestAssured.given().auth().oauth2(TestTokens.director("12003")).get("/api/v1/reporting/completeness?orgUnit=12001&period=2023-04")
                .then().statusCode(403);
        RestAssured.given().auth().oauth2(TestTokens.analyst("12")).get("/api/v1/reporting/completeness?orgUnit=12&period=2023-04")
                .then().statusCode(200).body("units.size()", equalTo(3));
        String granted = TestTokens.builder().name("agencia-salud").agency("SALUD-GRO").orgUnit("12").roles("integrator").build();
        RestAssured.given().auth().oauth2(granted).get("/api/v1/reporting/completeness?orgUnit=12&period=2023-04").then().statusCode(200);
        RestAssured.given().auth().oauth2(TestTokens.integrator("SALUD-GRO")).get("/api/v1/reporting/completeness?orgUnit=12&period=2023-04")
                .then().statusCode(403);
        RestAssured.given().get("/api/v1/reporting/completeness?orgUnit=12&period=2023-04").then().statusCode(401);
    }

    @Test
    void badQueriesAreProblemsInSpanish() {
        for (String period : List.of("2023", "2023-Q1", "2023-13", "marzo", "")) {
            given().get("/api/v1/reporting/completeness?orgUnit=12&period=" + period).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("mes"));
        }
        given().get("/api/v1/reporting/completeness?period=2023-04").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/reporting/completeness?orgUnit=77777&period=2023-04").then().statusCode(404)
                .body("detail", containsString("77777"));
        given().get("/api/v1/reporting/completeness?orgUnit=12&period=2030-01").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("2030"));
    }

    @Test
    void theClosingReportSaysWhichMonthsOfEachUnitAreAccepted() throws Exception {
        given().get("/api/v1/reports/closing?orgUnit=12&fiscalYear=2023").then().statusCode(200)
                .body("rows.size()", equalTo(4))
                .body("units.orgUnit", equalTo(List.of("12001", "12002", "12003")))
                .body("units[0].acceptedMonths", equalTo(List.of("2023-04"))).body("units[0].pendingMonths.size()", equalTo(11))
                .body("units[0].accepted", equalTo(false))
                .body("units[1].acceptedMonths", equalTo(List.of())).body("units[1].pendingMonths[0]", equalTo("2023-01"));
        byte[] xlsx = given().get("/api/v1/reports/closing?orgUnit=12&fiscalYear=2023&format=xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals("2023-04", wb.getSheet("Aprobación de meses").getRow(1).getCell(2).getStringCellValue());
            assertEquals("No", wb.getSheet("Aprobación de meses").getRow(1).getCell(4).getStringCellValue());
        }
    }

    @Test
    void eachUnitThatMissedADeadlineGetsExactlyOneReminder() throws Exception {
        // the day after April's deadline: April and March are looked at (two months back)
        ZonedDateTime afterAprilDeadline = ZonedDateTime.of(2023, 5, 11, 0, 30, 0, 0, MEXICO);
        reminders.check(ZonedDateTime.of(2023, 5, 10, 23, 0, 0, 0, MEXICO)); // April not overdue yet: March only
        reminders.check(afterAprilDeadline);
        reminders.check(afterAprilDeadline);
        // a crash after the send and before it was marked: sent again, with the same event id
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update reporting_overdue set sent_at = null where org_unit = '12003' and year = 2023 and month = 4");
        }
        reminders.check(afterAprilDeadline);
        Map<String, List<JsonNode>> byKey = new HashMap<>();
        Set<String> expected = Set.of("12002|2023-04", "12003|2023-04", "12001|2023-03", "12002|2023-03", "12003|2023-03");
        try (KafkaConsumer<String, String> c = consumer(Topics.REPORTING_OVERDUE, "earliest")) {
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && !(byKey.keySet().containsAll(expected) && byKey.get("12003|2023-04").size() >= 2)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    JsonNode e = EventJson.MAPPER.readTree(r.value());
                    assertEquals(List.of(), SchemaValidator.validate(e), r.value());
                    if (r.key().startsWith("12")) {
                        byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(e);
                    }
                }
            }
        }
        assertEquals(expected, byKey.keySet(), "12001 had April accepted: no reminder; everyone else one per month");
        for (String key : expected) {
            assertEquals(1, byKey.get(key).stream().map(e -> e.get("id").asText()).distinct().count(), key + ": one event id");
        }
        assertEquals(1, byKey.get("12002|2023-04").size());
        assertEquals(2, byKey.get("12003|2023-04").size(), "the unmarked reminder was sent again");
        JsonNode april = byKey.get("12002|2023-04").get(0);
        assertEquals(EventTypes.REPORTING_OVERDUE, april.get("type").asText());
        assertEquals("2023-05-10", april.get("data").get("deadline").asText());
        assertEquals(1, april.get("data").get("targetsDue").asInt());
        assertEquals(1, april.get("data").get("targetsReported").asInt());
        assertEquals(2, byKey.get("12001|2023-03").get(0).get("data").get("targetsDue").asInt());
        assertEquals(1, byKey.get("12003|2023-03").get(0).get("data").get("targetsReported").asInt());
    }

    private static void month(String unit, String month, String status) {
        ReportingMonthChanged m = new ReportingMonthChanged(unit, month, status, OffsetDateTime.now());
        events().send(Topics.REPORTING_MONTHS, m.key(), EventTypes.REPORTING_MONTH_CHANGED, m);
    }
}
