package mx.gob.dif.programs.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.deploy.testing.TestInfra;
import mx.gob.dif.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may do what in programs-service (docs/SECURITY.md), with tokens signed like the realm's. The
 * plans are this class's own: the state's (10) and Gómez Palacio's (10007) for 2024, a year no other
 * test plans; Durango (10005) has none and reports against the state's. Values are the other tests'
 * business; here only who gets in, and that a refused request leaves nothing behind.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class ProgramsAccessTest {
    private static final String JSON = "application/json";
    private static final int YEAR = 2024;
    private static final String STATE_PLAN = """
            {"orgUnit":"10","fiscalYear":2024,"unit":"DIF Estatal (acceso)","programs":[{"code":"ACC-01","name":"Prueba de acceso",
              "calendarMonths":["ENE","FEB","MAR"],"actions":[{"code":"ACC-01-01","description":"Visitas","targets":[
                {"indicatorCode":"ACC-01-01","unit":"Visita","target":100}]}]}]}""";
    private static final String GOMEZ_PLAN = """
            {"orgUnit":"10007","fiscalYear":2024,"unit":"DIF Gómez Palacio (acceso)","programs":[{"code":"GP-01","name":"Prueba de acceso",
              "calendarMonths":["ENE","FEB","MAR"],"actions":[{"code":"GP-01-01","description":"Talleres","targets":[
                {"indicatorCode":"GP-01-01","unit":"Taller","target":12}]}]}]}""";

    private static String statePlan;
    private static String gomezPlan;

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void plans() {
        if (statePlan != null) {
            return;
        }
        statePlan = as(TestTokens.administrator()).contentType(JSON).body(STATE_PLAN).post("/api/v1/work-plans/import")
                .then().statusCode(oneOf(200, 201)).extract().path("id");
        gomezPlan = as(TestTokens.administrator()).contentType(JSON).body(GOMEZ_PLAN).post("/api/v1/work-plans/import")
                .then().statusCode(oneOf(200, 201)).extract().path("id");
    }

    // ---------------------------------------------------------------- authentication

    @Test
    void withoutATokenEveryEndpointAnswers401WithAProblemAndAChallenge() {
        RestAssured.given().get("/api/v1/work-plans/" + statePlan).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", containsString("Bearer"));
        RestAssured.given().get("/api/v1/org-units").then().statusCode(401).contentType("application/problem+json");
        long rows = ledgerRows();
        RestAssured.given().contentType(JSON).body(report(null, "ACC-01-01", "10005")).post("/api/v1/activities").then()
                .statusCode(401).contentType("application/problem+json");
        assertEquals(rows, ledgerRows());
    }

    @Test
    void expiredForeignTamperedAndMalformedTokensAre401() {
        String expired = TestTokens.builder().name("operador.durango").orgUnit("10005").roles(Roles.MUNICIPAL_OPERATOR)
                .expiredSince(Duration.ofMinutes(10)).build();
        String foreign = TestTokens.builder().name("operador.durango").orgUnit("10005").roles(Roles.MUNICIPAL_OPERATOR)
                .issuer("https://otro-emisor.example/realms/dif").build();
        String tampered = TestTokens.tampered(TestTokens.operator("10007"));
        // an administrator of Gómez Palacio who rewrote its unit to the state's (10): the signature no longer matches
        String adminTampered = TestTokens.tampered(TestTokens.person("admin.gomez", "10007", Roles.ADMINISTRATOR));
        for (String token : new String[]{expired, foreign, tampered, "no-es-un-jwt"}) {
            as(token).get("/api/v1/work-plans/" + statePlan).then().statusCode(401).contentType("application/problem+json");
            as(token).contentType(JSON).body(report(null, "ACC-01-01", "10005")).post("/api/v1/activities").then().statusCode(401)
                    .contentType("application/problem+json");
        }
        as(adminTampered).contentType(JSON).body(STATE_PLAN).post("/api/v1/work-plans/import").then().statusCode(401)
                .contentType("application/problem+json");
    }

    // ---------------------------------------------------------------- activities

    @Test
    void anOperatorReportingForAnotherUnitGets422WithTheItemsIndexAndNothingIsStored() {
        long rows = ledgerRows();
        Map<TopicPartition, Long> before = endOffsets();
        as(TestTokens.operator("10007")).contentType(JSON).body(report(null, "ACC-01-01", "10005")).post("/api/v1/activities")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(1)).body("errors[0].index", equalTo(0)).body("errors[0].field", equalTo("orgUnit"))
                .body("errors[0].message", containsString("10007")).body("errors[0].message", containsString("10005"));

        // a good report of its own unit and a bad one of another: neither is stored nor published
        String good = UUID.randomUUID().toString();
        as(TestTokens.operator("10007")).contentType(JSON)
                .body("[" + report(good, "GP-01-01", "10007") + "," + report(null, "ACC-01-01", "10005") + "]")
                .post("/api/v1/activities").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("ningún reporte"))
                .body("errors", hasSize(1)).body("errors[0].index", equalTo(1)).body("errors[0].field", equalTo("orgUnit"));
        assertEquals(rows, ledgerRows(), "nothing stored");
        assertEquals(before, endOffsets(), "nothing published");
        as(TestTokens.operator("10007")).get("/api/v1/activities/" + good).then().statusCode(404);

        // the same good report alone is accepted, recorded under the token's user
        as(TestTokens.operator("10007")).contentType(JSON).body(report(good, "GP-01-01", "10007")).post("/api/v1/activities")
                .then().statusCode(202).body("accepted", equalTo(1));
        assertEquals("operador.10007", receivedBy(good));
    }

    @Test
    void aStateDirectorReportsForItsMunicipalitiesButNotTheOtherWayRound() {
        as(TestTokens.director("10")).contentType(JSON).body(report(null, "ACC-01-01", "10005")).post("/api/v1/activities")
                .then().statusCode(202);
        as(TestTokens.director("10005")).contentType(JSON).body(report(null, "ACC-01-01", "10")).post("/api/v1/activities")
                .then().statusCode(422).body("errors[0].field", equalTo("orgUnit"));
    }

    @Test
    void onlyTheReportsUnitMayRetractOrReadIt() {
        String id = UUID.randomUUID().toString();
        as(TestTokens.operator("10005")).contentType(JSON).body(report(id, "ACC-01-01", "10005")).post("/api/v1/activities")
                .then().statusCode(202);

        as(TestTokens.operator("10007")).contentType(JSON).body("{\"reason\":\"no es mío\"}").post("/api/v1/activities/" + id + "/retraction")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("10007"));
        as(TestTokens.operator("10007")).get("/api/v1/activities/" + id).then().statusCode(403);
        as(TestTokens.operator("10007")).post("/api/v1/activities/" + UUID.randomUUID() + "/retraction").then().statusCode(404);
        as(TestTokens.operator("10007")).get("/api/v1/activities?orgUnit=10005").then().statusCode(403);
        as(TestTokens.operator("10007")).get("/api/v1/activities?size=500").then().statusCode(200)
                .body("items.orgUnit", everyItem(equalTo("10007")));
        as(TestTokens.operator("10005")).get("/api/v1/activities/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"));

        as(TestTokens.director("10")).post("/api/v1/activities/" + id + "/retraction").then().statusCode(202)
                .body("status", equalTo("RETRACTED"));
        assertEquals("director.10", retractedBy(id));
    }

    @Test
    void rolesThatDoNotReportGet403() {
        long rows = ledgerRows();
        for (String token : List.of(TestTokens.analyst("10"), TestTokens.caseWorker("10005"), TestTokens.administrator(),
                TestTokens.integrator("SALUD-DGO"))) {
            as(token).contentType(JSON).body(report(null, "ACC-01-01", "10005")).post("/api/v1/activities").then().statusCode(403)
                    .contentType("application/problem+json");
            as(token).get("/api/v1/activities?orgUnit=10005").then().statusCode(403);
        }
        assertEquals(rows, ledgerRows());
    }

    // ---------------------------------------------------------------- plans

    @Test
    void onlyAdministratorsImportAndEditPlansOfTheirOwnUnits() {
        for (String token : List.of(TestTokens.operator("10007"), TestTokens.director("10007"), TestTokens.analyst("10"),
                TestTokens.caseWorker("10007"), TestTokens.integrator("SALUD-DGO"))) {
            as(token).contentType(JSON).body(GOMEZ_PLAN).post("/api/v1/work-plans/import").then().statusCode(403)
                    .contentType("application/problem+json");
            as(token).contentType(JSON).body("{\"name\":\"Cambiado\"}").put("/api/v1/work-plans/" + gomezPlan + "/programs/GP-01")
                    .then().statusCode(403);
            as(token).delete("/api/v1/work-plans/" + gomezPlan + "/programs/GP-01").then().statusCode(403);
            as(token).post("/api/v1/work-plans/" + gomezPlan + "/approval").then().statusCode(403);
            as(token).contentType(JSON).body("{\"orgUnit\":\"10007\",\"fiscalYear\":2025}").post("/api/v1/work-plans").then().statusCode(403);
        }
        // an administrator of Gómez Palacio: not the state's plan, nor Durango's
        String gomezAdmin = TestTokens.person("admin.gomez", "10007", Roles.ADMINISTRATOR);
        as(gomezAdmin).contentType(JSON).body(STATE_PLAN).post("/api/v1/work-plans/import").then().statusCode(403)
                .body("detail", containsString("10007"));
        as(gomezAdmin).contentType(JSON).body(STATE_PLAN.replace("\"orgUnit\":\"10\"", "\"orgUnit\":\"10005\""))
                .post("/api/v1/work-plans/import?dryRun=true").then().statusCode(403);
        as(gomezAdmin).contentType(JSON).body("{\"name\":\"Cambiado\"}").put("/api/v1/work-plans/" + statePlan + "/programs/ACC-01")
                .then().statusCode(403);
        as(gomezAdmin).get("/api/v1/work-plans/" + statePlan).then().statusCode(200);
        as(TestTokens.administrator()).get("/api/v1/work-plans/" + statePlan + "/programs/ACC-01").then().statusCode(200)
                .body("name", equalTo("Prueba de acceso"));
        as(TestTokens.administrator()).get("/api/v1/work-plans/" + gomezPlan + "/revisions").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void anAdministratorImportsAndIsRecordedAsTheAuthorWhateverHeadersSay() {
        String admin = TestTokens.person("admin.acceso", "10", Roles.ADMINISTRATOR);
        String plan = STATE_PLAN.replace("\"orgUnit\":\"10\"", "\"orgUnit\":\"10009\"");
        String id = as(admin).contentType(JSON).body(plan).post("/api/v1/work-plans/import").then().statusCode(201)
                .body("targets", equalTo(1)).extract().path("id");
        as(admin).contentType(JSON).body(plan).post("/api/v1/work-plans/import").then().statusCode(200)
                .body("changed", equalTo(false));
        as(admin).header("X-Dif-User", "impostor").contentType(JSON).body(plan.replace("\"target\":100", "\"target\":120"))
                .post("/api/v1/work-plans/import").then().statusCode(200).body("changed", equalTo(true));
        as(admin).get("/api/v1/work-plans/" + id + "/revisions").then().statusCode(200)
                .body("changedBy", hasItem("admin.acceso")).body("changedBy", not(hasItem("impostor")));
        as(admin).get("/api/v1/work-plans?orgUnit=10009&fiscalYear=" + YEAR).then().statusCode(200)
                .body("items[0].updatedBy", equalTo("admin.acceso"));
    }

    @Test
    void theStateAnalystReadsPlansButIntegratorsReadNone() {
        as(TestTokens.analyst("10")).get("/api/v1/work-plans/" + statePlan).then().statusCode(200).body("orgUnit", equalTo("10"));
        as(TestTokens.analyst("10")).get("/api/v1/work-plans/" + gomezPlan + "/summary").then().statusCode(200);
        as(TestTokens.analyst("10")).get("/api/v1/targets?orgUnit=10007&fiscalYear=" + YEAR).then().statusCode(200)
                .body("total", equalTo(1));

        String integrator = TestTokens.integrator("SALUD-DGO");
        as(integrator).get("/api/v1/work-plans/" + statePlan).then().statusCode(403).contentType("application/problem+json");
        as(integrator).get("/api/v1/work-plans?fiscalYear=" + YEAR).then().statusCode(403);
        as(integrator).get("/api/v1/programs/ACC-01?orgUnit=10&fiscalYear=" + YEAR).then().statusCode(403);
        as(integrator).get("/api/v1/targets").then().statusCode(403);
        // org units are for every role; changing them is for administrators
        as(integrator).get("/api/v1/org-units/10007").then().statusCode(200);
        as(TestTokens.operator("10005")).contentType("text/csv").body("code,name,level,parent\n10099,Inventado,MUNICIPAL,10\n")
                .post("/api/v1/org-units/import").then().statusCode(403);
        as(TestTokens.operator("10005")).get("/api/v1/org-units/10099").then().statusCode(404);
    }

    @Test
    void aMunicipalityReadsTheStatesPlanButNotASiblingsPlan() {
        String durango = TestTokens.operator("10005");
        as(durango).get("/api/v1/work-plans/" + statePlan).then().statusCode(200).body("programs[0].code", equalTo("ACC-01"));
        as(durango).get("/api/v1/programs/ACC-01?orgUnit=10&fiscalYear=" + YEAR).then().statusCode(200);
        as(durango).get("/api/v1/work-plans/" + statePlan + "/actions/ACC-01-01/targets").then().statusCode(200);

        as(durango).get("/api/v1/work-plans/" + gomezPlan).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("10005"));
        as(durango).get("/api/v1/work-plans/" + gomezPlan + "/programs/GP-01").then().statusCode(403);
        as(durango).get("/api/v1/work-plans/" + gomezPlan + "/revisions").then().statusCode(403);
        as(durango).get("/api/v1/programs?orgUnit=10007&fiscalYear=" + YEAR).then().statusCode(403);
        as(durango).get("/api/v1/actions?orgUnit=10007&fiscalYear=" + YEAR).then().statusCode(403);
        as(durango).get("/api/v1/work-plans?orgUnit=10007").then().statusCode(403);
        as(durango).get("/api/v1/targets?orgUnit=10007").then().statusCode(403);

        // lists without a unit are narrowed to the units in line, not refused
        as(durango).get("/api/v1/work-plans?fiscalYear=" + YEAR + "&size=500").then().statusCode(200)
                .body("items.orgUnit", hasItem("10")).body("items.orgUnit", not(hasItem("10007")))
                .body("items.orgUnit", everyItem(is(oneOf("10", "10005"))));
        as(durango).get("/api/v1/targets?fiscalYear=" + YEAR + "&size=500").then().statusCode(200)
                .body("items.indicatorCode", hasItem("ACC-01-01")).body("items.indicatorCode", not(hasItem("GP-01-01")));
        // a case worker of Gómez Palacio reads its own plan
        as(TestTokens.caseWorker("10007")).get("/api/v1/work-plans/" + gomezPlan).then().statusCode(200);
    }

    // ---------------------------------------------------------------- helpers

    private static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    private static String report(String id, String indicator, String unit) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"indicator\":\"" + indicator + "\",\"orgUnit\":\"" + unit
                + "\",\"date\":\"" + YEAR + "-02-10\",\"quantity\":3}";
    }

    private long ledgerRows() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select count(*) from activity");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String receivedBy(String id) {
        return column("received_by", id);
    }

    private String retractedBy(String id) {
        return column("retracted_by", id);
    }

    /** Who sent or withdrew a report: kept with its note in activity_note (never on Kafka), joined to the ledger row. */
    private String column(String column, String id) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("select n." + column
                + " from activity a join activity_note n on n.id = a.id where a.id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.ACTIVITIES).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return new HashMap<>(c.endOffsets(parts));
        }
    }
}
