package mx.gob.dif.programs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.Topics;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reporting cycle through the API on the real PostgreSQL and Kafka: every endpoint and transition, who may take
 * each step, the events on dif.reporting.months, and the month lock (reports and retractions into an accepted month
 * are 409 until it is reopened). Units 10018, 10019 and 10021 and the years 2015 and 2018, which no other test uses.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class ReportingApiTest {
    private static final String BASE = "/api/v1/reporting/";
    private static final String STATE_PLAN_2018 = """
            {"orgUnit":"10","fiscalYear":2018,"unit":"DIF Estatal (ciclo de reportes)","programs":[{"code":"RC-01","name":"Visitas",
              "actions":[{"code":"RC-01-01","description":"Visitas de seguimiento","targets":[
                {"indicatorCode":"RC-01-01","unit":"Visita","target":120}]}]}]}""";
    private static boolean planned;

    // ------------------------------------------------------------------ transitions and events

    @Test
    void aMonthGoesThroughEveryStepAndEachIsPublishedWithoutItsReason() throws Exception {
        String month = BASE + "10018/2018-03/submission";
        as(TestTokens.operator("10018")).get(month).then().statusCode(200)
                .body("orgUnit", equalTo("10018")).body("month", equalTo("2018-03")).body("status", equalTo("OPEN"))
                .body("locked", equalTo(false)).body("updatedAt", nullValue()).body("history", hasSize(0));
        as(TestTokens.analyst("10")).post(month + "/acceptance").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("el mes 2018-03 de la unidad 10018")).body("detail", containsString("no se ha enviado"));

        as(TestTokens.operator("10018")).post(month).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("updatedBy", equalTo("operador.10018")).body("history", hasSize(1));
        as(TestTokens.director("10018")).post(month).then().statusCode(409).body("detail", containsString("en espera de revisión"));

        as(TestTokens.analyst("10")).contentType("application/json").post(month + "/return").then().statusCode(400)
                .contentType("application/problem+json");
        as(TestTokens.analyst("10")).contentType("application/json").body("{\"reason\":\"  \"}").post(month + "/return").then()
                .statusCode(400).body("errors.field", hasItem("reason"));
        as(TestTokens.analyst("10")).contentType("application/json").body("{\"reason\":\"" + "x".repeat(1001) + "\"}")
                .post(month + "/return").then().statusCode(400).body("errors[0].message", containsString("1000"));
        as(TestTokens.analyst("10")).contentType("application/json").body("{\"reason\":\"Faltan las visitas de la segunda quincena\"}")
                .post(month + "/return").then().statusCode(200).body("status", equalTo("RETURNED"))
                .body("history[1].reason", equalTo("Faltan las visitas de la segunda quincena"))
                .body("history[1].by", equalTo("analista.10"));

        as(TestTokens.director("10018")).post(month).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        as(TestTokens.administrator()).post(month + "/acceptance").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("locked", equalTo(true)).body("updatedBy", equalTo("admin.dif"));
        for (String step : List.of("/acceptance", "")) {
            as(step.isEmpty() ? TestTokens.operator("10018") : TestTokens.analyst("10")).post(month + step).then().statusCode(409)
                    .body("detail", containsString("aceptado y cerrado"));
        }
        as(TestTokens.analyst("10")).contentType("application/json").body("{\"reason\":\"No\"}").post(month + "/return").then()
                .statusCode(409);
        as(TestTokens.analyst("10")).contentType("application/json").body("{\"reason\":\"Error en la meta\"}")
                .post(month + "/reopening").then().statusCode(403);
        as(TestTokens.administrator()).contentType("application/json").post(month + "/reopening").then().statusCode(400);
        as(TestTokens.administrator()).contentType("application/json").body("{\"reason\":\"Se reportaron visitas en la unidad equivocada\"}")
                .post(month + "/reopening").then().statusCode(200).body("status", equalTo("REOPENED")).body("locked", equalTo(false));
        as(TestTokens.administrator()).contentType("application/json").body("{\"reason\":\"Otra vez\"}")
                .post(month + "/reopening").then().statusCode(409).body("detail", containsString("Solo se reabre un mes aceptado"));

        as(TestTokens.analyst("10")).get(month).then().statusCode(200)
                .body("history.status", contains("SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED", "REOPENED"))
                .body("history.by", contains("operador.10018", "analista.10", "director.10018", "admin.dif", "admin.dif"))
                .body("history.reason", contains(null, "Faltan las visitas de la segunda quincena", null, null,
                        "Se reportaron visitas en la unidad equivocada"));

        // schema-checked against mx.gob.dif.reporting.month.changed.v1
        List<JsonNode> events = PlanEntityApiTest.events(Topics.REPORTING_MONTHS, "10018|2018-03", 5);
        List<String> statuses = new ArrayList<>();
        for (JsonNode data : events) {
            assertEquals(List.of("orgUnit", "month", "status", "at"), fields(data), "no reason, no user on Kafka");
            assertEquals("10018", data.get("orgUnit").asText());
            assertEquals("2018-03", data.get("month").asText());
            statuses.add(data.get("status").asText());
        }
        assertEquals(List.of("SUBMITTED", "RETURNED", "SUBMITTED", "ACCEPTED", "REOPENED"), statuses);
    }

    @Test
    void eachStepBelongsToItsRoleAndUnit() {
        String month = BASE + "10018/2018-04/submission";
        for (String token : List.of(TestTokens.operator("10019"), TestTokens.director("10"), TestTokens.analyst("10"),
                TestTokens.administrator(), TestTokens.caseWorker("10018"), TestTokens.integrator("SALUD-DGO"))) {
            as(token).post(month).then().statusCode(403).contentType("application/problem+json");
        }
        as(TestTokens.operator("10018")).post(month).then().statusCode(200);
        for (String token : List.of(TestTokens.operator("10018"), TestTokens.director("10018"), TestTokens.analyst("10018"),
                TestTokens.analyst("10019"), TestTokens.person("admin.gomez", "10007", Roles.ADMINISTRATOR))) {
            as(token).post(month + "/acceptance").then().statusCode(403);
            as(token).contentType("application/json").body("{\"reason\":\"x\"}").post(month + "/return").then().statusCode(403);
        }
        as(TestTokens.person("admin.nacional", "MX", Roles.ADMINISTRATOR)).post(month + "/acceptance").then().statusCode(200);
        for (String token : List.of(TestTokens.analyst("10"), TestTokens.director("10"), TestTokens.operator("10018"),
                TestTokens.person("admin.municipal", "10018", Roles.ADMINISTRATOR))) {
            as(token).contentType("application/json").body("{\"reason\":\"x\"}").post(month + "/reopening").then().statusCode(403);
        }

        as(TestTokens.operator("10019")).get(month).then().statusCode(403);
        as(TestTokens.caseWorker("10018")).get(month).then().statusCode(403);
        as(TestTokens.integrator("SALUD-DGO")).get(month).then().statusCode(403);
        as(TestTokens.director("10018")).get(month).then().statusCode(200).body("status", equalTo("ACCEPTED"));
        RestAssured.given().get(month).then().statusCode(401);
    }

    @Test
    void submissionsAreListedByUnitAndMonthWithinTheCallersReach() {
        for (String m : List.of("2018-07", "2018-08")) {
            as(TestTokens.operator("10019")).post(BASE + "10019/" + m + "/submission").then().statusCode(200);
        }
        as(TestTokens.operator("10018")).post(BASE + "10018/2018-09/submission").then().statusCode(200);
        as(TestTokens.analyst("10")).get(BASE + "submissions?orgUnit=10019&year=2018").then().statusCode(200)
                .body("total", equalTo(2)).body("items.month", contains("2018-07", "2018-08"))
                .body("items[0].status", equalTo("SUBMITTED")).body("items[0].locked", equalTo(false))
                .body("items[0].updatedBy", equalTo("operador.10019"));
        as(TestTokens.analyst("10")).get(BASE + "submissions?orgUnit=10019&year=2018&page=1&size=1").then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(1)).body("size", equalTo(1)).body("items.month", contains("2018-08"));
        as(TestTokens.analyst("10")).get(BASE + "submissions?orgUnit=10019&year=2017").then().statusCode(200).body("total", equalTo(0));
        as(TestTokens.operator("10018")).get(BASE + "submissions?orgUnit=10019").then().statusCode(403);
        as(TestTokens.operator("10018")).get(BASE + "submissions?year=2018").then().statusCode(200)
                .body("items.month", hasItem("2018-09")).body("items.orgUnit", everyItem(equalTo("10018")));
        as(TestTokens.analyst("10")).get(BASE + "submissions?year=2018").then().statusCode(200)
                .body("items.orgUnit", hasItem("10019")).body("items.orgUnit", hasItem("10018"));
        as(TestTokens.analyst("10")).get(BASE + "submissions?page=-1").then().statusCode(400);
        as(TestTokens.analyst("10")).get(BASE + "submissions?size=501").then().statusCode(400);
        as(TestTokens.analyst("10")).get(BASE + "submissions?year=1900").then().statusCode(400).contentType("application/problem+json");
        as(TestTokens.caseWorker("10019")).get(BASE + "submissions").then().statusCode(403);
    }

    @Test
    void badMonthsUnitsAndFutureMonthsAreRefusedInSpanish() {
        RequestSpecification operator = as(TestTokens.operator("10018"));
        for (String bad : List.of("2018-13", "marzo", "2018-3")) {
            as(TestTokens.operator("10018")).post(BASE + "10018/" + bad + "/submission").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("AAAA-MM"));
        }
        as(TestTokens.analyst("10")).get(BASE + "10999/2018-03/submission").then().statusCode(404)
                .body("detail", containsString("10999"));
        as(TestTokens.analyst("10")).get(BASE + "1".repeat(17) + "/2018-03/submission").then().statusCode(400);
        YearMonth now = YearMonth.from(LocalDate.now(ZoneId.of("America/Mexico_City")));
        operator.post(BASE + "10018/" + now.plusMonths(1) + "/submission").then().statusCode(422)
                .body("errors[0].field", equalTo("month")).body("detail", containsString("aún no empieza"));
        as(TestTokens.operator("10018")).post(BASE + "10018/" + now + "/submission").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
    }

    // ------------------------------------------------------------------ the lock on activity reports

    @Test
    void reportsAndRetractionsIntoAnAcceptedMonthAre409UntilItIsReopened() {
        statePlan();
        String kept = report("10018", "2018-05-10");
        String id = as(TestTokens.operator("10018")).contentType("application/json").body(kept).post("/api/v1/activities")
                .then().statusCode(202).extract().path("ids[0]");
        String month = BASE + "10018/2018-05/submission";
        as(TestTokens.operator("10018")).post(month).then().statusCode(200);
        as(TestTokens.analyst("10")).post(month + "/acceptance").then().statusCode(200);

        as(TestTokens.operator("10018")).contentType("application/json").body(report("10018", "2018-05-20")).post("/api/v1/activities")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("el mes 2018-05 de la unidad 10018 fue aceptado y está cerrado"))
                .body("errors[0].index", equalTo(0)).body("errors[0].field", equalTo("date"));
        as(TestTokens.operator("10018")).contentType("application/json")
                .body("[" + report("10018", "2018-06-02") + "," + report("10018", "2018-05-31") + "]").post("/api/v1/activities")
                .then().statusCode(409).body("errors.index", contains(1));
        // another unit's same month is not locked
        as(TestTokens.operator("10019")).contentType("application/json").body(report("10019", "2018-05-20")).post("/api/v1/activities")
                .then().statusCode(202);
        as(TestTokens.operator("10018")).contentType("application/json").body("{\"reason\":\"Duplicado\"}")
                .post("/api/v1/activities/" + id + "/retraction").then().statusCode(409)
                .body("detail", containsString("el mes 2018-05 de la unidad 10018"));
        as(TestTokens.operator("10018")).get("/api/v1/activities?orgUnit=10018&from=2018-05-01&to=2018-06-30").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].status", equalTo("ACTIVE"));

        as(TestTokens.administrator()).contentType("application/json").body("{\"reason\":\"Corrección de un reporte duplicado\"}")
                .post(month + "/reopening").then().statusCode(200);
        as(TestTokens.operator("10018")).contentType("application/json").body("{\"reason\":\"Duplicado\"}")
                .post("/api/v1/activities/" + id + "/retraction").then().statusCode(202);
        as(TestTokens.operator("10018")).contentType("application/json").body(report("10018", "2018-05-20")).post("/api/v1/activities")
                .then().statusCode(202);
    }

    // ------------------------------------------------------------------ amendments of a closed year

    @Test
    void changingThePlanOfAClosedYearNeedsAnAmendmentThatIsRecorded() {
        String plan = """
                {"orgUnit":"10021","fiscalYear":2015,"programs":[{"code":"AC-01","name":"Año cerrado","actions":[
                  {"code":"AC-01-01","description":"Visitas","targets":[{"indicatorCode":"AC-01-01","unit":"Visita","target":40}]}]}]}""";
        String id = as(TestTokens.administrator()).contentType("application/json").body(plan).post("/api/v1/work-plans/import")
                .then().statusCode(201).extract().path("id");
        for (int m = 1; m <= 12; m++) {
            String month = BASE + "10021/" + YearMonth.of(2015, m) + "/submission";
            as(TestTokens.operator("10021")).post(month).then().statusCode(200);
            as(TestTokens.administrator()).post(month + "/acceptance").then().statusCode(200);
        }
        String changed = plan.replace("\"target\":40", "\"target\":45");
        as(TestTokens.administrator()).contentType("application/json").body(changed).post("/api/v1/work-plans/import")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("El año fiscal 2015 de la unidad 10021 está cerrado")).body("detail", containsString("amendment"));
        as(TestTokens.administrator()).contentType("application/json").body("{\"unit\":\"Visita\",\"target\":50}")
                .put("/api/v1/work-plans/" + id + "/targets/AC-01-01").then().statusCode(409);
        as(TestTokens.administrator()).contentType("application/json").body(plan).post("/api/v1/work-plans/import")
                .then().statusCode(200).body("changed", equalTo(false));
        as(TestTokens.administrator()).contentType("application/json").body(changed)
                .post("/api/v1/work-plans/import?amendment=" + "x".repeat(1001)).then().statusCode(422)
                .body("errors[0].field", equalTo("amendment"));

        as(TestTokens.administrator()).contentType("application/json").body(changed)
                .queryParam("amendment", "Corrección de la meta según el oficio 45/2016").post("/api/v1/work-plans/import")
                .then().statusCode(200).body("changed", equalTo(true));
        as(TestTokens.administrator()).contentType("application/json").body("{\"unit\":\"Visita\",\"target\":50}")
                .queryParam("amendment", "Ajuste acordado en la sesión de cierre")
                .put("/api/v1/work-plans/" + id + "/targets/AC-01-01").then().statusCode(200).body("target", equalTo(50));
        as(TestTokens.analyst("10")).get("/api/v1/work-plans/" + id + "/revisions").then().statusCode(200)
                .body("amendment", contains("Corrección de la meta según el oficio 45/2016", "Ajuste acordado en la sesión de cierre"))
                .body("changedBy", contains("admin.dif", "admin.dif"))
                .body("summary[0]", containsString("Enmienda"));

        as(TestTokens.administrator()).contentType("application/json").body("{\"reason\":\"Falta un reporte de diciembre\"}")
                .post(BASE + "10021/2015-12/submission/reopening").then().statusCode(200);
        as(TestTokens.administrator()).contentType("application/json").body("{\"unit\":\"Visita\",\"target\":55}")
                .put("/api/v1/work-plans/" + id + "/targets/AC-01-01").then().statusCode(200);
        as(TestTokens.analyst("10")).get("/api/v1/work-plans/" + id + "/revisions").then()
                .body("amendment", contains("Corrección de la meta según el oficio 45/2016", "Ajuste acordado en la sesión de cierre", null));
    }

    // ------------------------------------------------------------------ helpers

    /** The state's plan for 2018: its municipalities report against it. */
    private static void statePlan() {
        if (!planned) {
            as(TestTokens.administrator()).contentType("application/json").body(STATE_PLAN_2018).post("/api/v1/work-plans/import")
                    .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            planned = true;
        }
    }

    private static String report(String unit, String date) {
        return "{\"indicator\":\"RC-01-01\",\"orgUnit\":\"" + unit + "\",\"date\":\"" + date + "\",\"quantity\":3}";
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }
}
