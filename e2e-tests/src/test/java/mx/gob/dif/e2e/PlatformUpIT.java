package mx.gob.dif.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import mx.gob.dif.common.openapi.OpenApiBodies;
import mx.gob.dif.deploy.DemoRealm;
import mx.gob.dif.deploy.Stack;
import mx.gob.dif.deploy.infra.TokenClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user's first minute: the stack comes up, hands out tokens, and answers through the gateway. */
class PlatformUpIT {

    @BeforeAll
    static void up() {
        Stack stack = PlatformStack.get();
        RestAssured.baseURI = stack.gatewayUrl();
    }

    @Test
    void everyServiceIsHealthyThroughTheGateway() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.programs", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.cases", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.indicators", equalTo("UP"));
    }

    @Test
    void aServiceAnswersThroughTheGatewayWithARequestId() {
        Tokens.as(Tokens.OPERATOR).header("X-Request-Id", "e2e-1").get("/api/v1/org-units/10005").then()
                .statusCode(200)
                .header("X-Request-Id", "e2e-1")
                .body("code", equalTo("10005"))
                .body("name", notNullValue());
    }

    @Test
    void withoutATokenTheGatewayAnswers401() {
        given().header("X-Request-Id", "e2e-2").get("/api/v1/org-units/10005").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"dif\""))
                .body("requestId", equalTo("e2e-2"));
    }

    /**
     * What the realm import must give: the issuer the services validate against (the same whether the
     * token was asked for at localhost or 127.0.0.1), the realm roles, and the unit or agency claims.
     */
    @Test
    void realTokensCarryTheIssuerRolesAndUnitTheServicesExpect() {
        Stack stack = PlatformStack.get();
        JsonNode person = TokenClient.claims(Tokens.of(Tokens.OPERATOR));
        assertEquals(stack.oidcUrl(), person.path("iss").asText());
        assertEquals("10005", person.path("org_unit").asText());
        assertEquals("dif-web", person.path("azp").asText());
        assertTrue(person.path("realm_access").path("roles").toString().contains("municipal-operator"), person.toString());
        long lifetime = person.path("exp").asLong() - person.path("iat").asLong();
        assertTrue(lifetime >= 15 * 60, "tokens last long enough for a person at a terminal: " + lifetime + " s");

        JsonNode agency = TokenClient.claims(Tokens.of(Tokens.SALUD));
        assertEquals(stack.oidcUrl(), agency.path("iss").asText());
        assertEquals("SALUD-DGO", agency.path("agency").asText());
        assertEquals("agencia-salud", agency.path("azp").asText());
        assertTrue(agency.path("realm_access").path("roles").toString().contains("integrator"), agency.toString());
        assertFalse(agency.has("org_unit"));

        // asked for through "localhost": same issuer, and the gateway and the service accept it
        String viaLocalhost = new TokenClient(stack.oidcUrl().replace("127.0.0.1", "localhost"))
                .password(DemoRealm.WEB_CLIENT, Tokens.OPERATOR, "demo-dif-2021");
        assertEquals(stack.oidcUrl(), TokenClient.claims(viaLocalhost).path("iss").asText());
        given().auth().oauth2(viaLocalhost).get("/api/v1/indicators/procedure?orgUnit=10005&period=2021").then().statusCode(200);
        given().baseUri("http://127.0.0.1").port(stack.port("INDICATORS", 8083)).auth().oauth2(viaLocalhost)
                .get("/api/v1/indicators/procedure?orgUnit=10005&period=2021").then().statusCode(200);
    }

    @Test
    void theGatewayServesOneOpenApiDocumentForTheWholePublicApi() throws InterruptedException {
        // a service busy at the first request (a slow machine, a replay at start) is named, not silently left out
        Object unavailable = null;
        for (long giveUp = System.nanoTime() + 90_000_000_000L; System.nanoTime() < giveUp; Thread.sleep(2000)) {
            unavailable = given().get("/openapi").then().statusCode(200).extract().path("x-unavailable-services");
            if (unavailable == null) {
                break;
            }
        }
        assertEquals(null, unavailable, "every service's document reached the gateway");
        given().get("/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/work-plans/import"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/activities"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/indicators/{code}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/reports/closing"));
    }

    /** Issue 11: integrators see every body's fields, not a bare "object" (and no service's shape under another's name). */
    @Test
    void everyJsonBodyOfThePublicDocumentHasANamedSchema() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().get("/openapi").then().statusCode(200).extract().asString());
        assertEquals(List.of(), OpenApiBodies.unnamed(doc));
        doc.path("components").path("schemas").fieldNames().forEachRemaining(name ->
                assertTrue(name.matches("[A-Za-z0-9._-]+"), "a valid component name: " + name));
    }

    @Test
    void unknownRouteIsAProblem() {
        Tokens.as(Tokens.OPERATOR).get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
