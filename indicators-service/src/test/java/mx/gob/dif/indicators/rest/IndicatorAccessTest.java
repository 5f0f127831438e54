package mx.gob.dif.indicators.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.EventTypes;
import mx.gob.dif.events.TargetChanged;
import mx.gob.dif.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static mx.gob.dif.indicators.IndicatorsTestSupport.ALL_MONTHS;
import static mx.gob.dif.indicators.IndicatorsTestSupport.events;
import static mx.gob.dif.indicators.IndicatorsTestSupport.poll;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service checks the token itself (it may be reached without the gateway) and keeps each role
 * to its units. Values and 404s are the other tests' business: here only who gets in.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_indicators"))
class IndicatorAccessTest {
    /** A target of the state's 2021 plan that only this class publishes, so every reader's answer is an exact 200. */
    private static final String DURANGO = "/api/v1/indicators/ACC-01?orgUnit=10005&period=2021";
    private static final String STATE_CLOSING = "/api/v1/reports/closing?orgUnit=10&fiscalYear=2021";
    private static boolean seeded;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        events().orgUnit("MX", "México", "NATIONAL", null);
        events().orgUnit("10", "Durango", "STATE", "MX");
        events().orgUnit("10005", "Durango", "MUNICIPAL", "10");
        events().orgUnit("10007", "Gómez Palacio", "MUNICIPAL", "10");
        TargetChanged t = new TargetChanged("10", 2021, "ACC", "Programa de accesos", "ACC-01", "Acción de accesos", "ACC-01",
                "Visita", new BigDecimal("10"), "SUM", null, ALL_MONTHS, false, null);
        events().send(Topics.CATALOG_TARGETS, t.key(), EventTypes.TARGET_CHANGED, t);
        events().flush();
        int status = poll(15, () -> given().auth().oauth2(TestTokens.administrator()).get(DURANGO).statusCode(), s -> s == 200);
        assertEquals(200, status, "the access test's own target is readable before the checks start");
    }

    @Test
    void aMissingTokenIsRefusedWithAProblemAndAChallenge() {
        given().get(DURANGO).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("Authorization: Bearer"));
    }

    @Test
    void expiredTamperedAndForeignTokensAreRefused() {
        String expired = TestTokens.builder().name("operador.durango").orgUnit("10005").roles("municipal-operator")
                .expiredSince(Duration.ofMinutes(10)).build();
        String foreign = TestTokens.builder().name("operador.durango").orgUnit("10005").roles("municipal-operator")
                .issuer("https://otro-emisor.example/realms/dif").build();
        String tampered = TestTokens.tampered(TestTokens.operator("10007"));
        for (String token : new String[]{expired, foreign, tampered, "no-es-un-jwt"}) {
            given().auth().oauth2(token).get(DURANGO).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void anOperatorReadsItsOwnMunicipalityButNotAnother() {
        given().auth().oauth2(TestTokens.operator("10005")).get(DURANGO).then().statusCode(200).body("orgUnit", equalTo("10005"));
        given().auth().oauth2(TestTokens.operator("10007")).get(DURANGO).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("10007"));
        given().auth().oauth2(TestTokens.operator("10005")).get("/api/v1/reports/closing?orgUnit=10&fiscalYear=2021")
                .then().statusCode(403);
    }

    @Test
    void theStateAnalystReadsEveryMunicipalityOfItsStateOnly() {
        given().auth().oauth2(TestTokens.analyst("10")).get(DURANGO).then().statusCode(200).body("orgUnit", equalTo("10005"));
        given().auth().oauth2(TestTokens.analyst("10")).get("/api/v1/indicators/procedure?orgUnit=10&period=2021")
                .then().statusCode(200).body("orgUnit", equalTo("10"));
        given().auth().oauth2(TestTokens.analyst("10")).get("/api/v1/indicators/T-01?orgUnit=27001&period=2021")
                .then().statusCode(403);
    }

    /** ARCHITECTURE: an integrator granted an org unit reads that unit's aggregates and below; without a grant, none. */
    @Test
    void integratorsReadTheAggregatesOfTheUnitsGrantedToThemOnly() {
        String state = TestTokens.builder().name("agencia-salud").agency("SALUD-DGO").orgUnit("10").roles("integrator").build();
        given().auth().oauth2(state).get(DURANGO).then().statusCode(200).body("indicator", equalTo("ACC-01"));
        given().auth().oauth2(state).get(STATE_CLOSING).then().statusCode(200).body("orgUnit", equalTo("10"));
        given().auth().oauth2(state).get("/api/v1/indicators/T-01?orgUnit=27001&period=2021").then().statusCode(403);
        given().auth().oauth2(state).post("/api/v1/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(TestTokens.integrator("SALUD-DGO")).get(DURANGO).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("SALUD-DGO"));
    }

    @Test
    void onlyAdministratorsRebuild() {
        given().auth().oauth2(TestTokens.analyst("10")).post("/api/v1/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(TestTokens.director("10005")).get("/api/v1/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(TestTokens.administrator()).get("/api/v1/admin/rebuild").then().statusCode(200);
    }
}
