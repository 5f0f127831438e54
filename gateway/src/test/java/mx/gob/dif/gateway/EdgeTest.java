package mx.gob.dif.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static mx.gob.dif.gateway.GatewayTest.withToken;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

/** CORS, rate-limit headers and Swagger UI with the default configuration (FakeUpstream applies to every test). */
@QuarkusTest
class EdgeTest {
    private static final String DASHBOARD = "http://localhost:3000";
    private static final String OTHER = "https://otro-sitio.example";

    @Test
    void preflightFromTheDashboardIsAnsweredByTheGatewayWithoutAToken() {
        given().header("Origin", DASHBOARD).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
                .options("/api/v1/work-plans/import")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
                .header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Request-Id, If-Match")
                .header("Access-Control-Max-Age", "7200")
                .header("Vary", containsString("Origin"))
                .header("RateLimit-Limit", nullValue()) // preflights are not counted
                .body(equalTo(""));
    }

    @Test
    void preflightFromTheOtherLoopbackSpellingIsAllowedToo() {
        given().header("Origin", "http://127.0.0.1:3000").header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/targets/1")
                .then().statusCode(204).header("Access-Control-Allow-Origin", "http://127.0.0.1:3000");
    }

    @Test
    void preflightFromAnotherOriginGetsNoCorsHeaders() {
        given().header("Origin", OTHER).header("Access-Control-Request-Method", "POST")
                .options("/api/v1/work-plans/import")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .header("Access-Control-Allow-Headers", nullValue())
                .header("Access-Control-Max-Age", nullValue());
    }

    @Test
    void actualRequestFromTheDashboardCarriesCorsHeaders() {
        withToken().header("Origin", DASHBOARD).get("/api/v1/org-units")
                .then().statusCode(201)
                .header("Access-Control-Allow-Origin", DASHBOARD) // the gateway's, not the service's "*"
                .header("Access-Control-Expose-Headers", "X-Request-Id, Location, ETag, Retry-After")
                .header("Vary", containsString("Origin"))
                .body("method", equalTo("GET"));
    }

    @Test
    void actualRequestFromAnotherOriginIsServedWithoutCorsHeaders() {
        withToken().header("Origin", OTHER).get("/api/v1/org-units")
                .then().statusCode(201)
                .header("Access-Control-Allow-Origin", nullValue()) // and the service's own "*" is dropped
                .header("Access-Control-Expose-Headers", nullValue());
    }

    @Test
    void errorsOfTheGatewayCarryCorsHeadersSoTheDashboardCanReadThem() {
        withToken().header("Origin", DASHBOARD).get("/api/v1/nothing-here")
                .then().statusCode(404).header("Access-Control-Allow-Origin", DASHBOARD);
        given().header("Origin", DASHBOARD).get("/api/v1/org-units")
                .then().statusCode(401).header("Access-Control-Allow-Origin", DASHBOARD);
    }

    @Test
    void theMergedDocumentCanBeFetchedByTheDashboard() {
        given().header("Origin", DASHBOARD).get("/openapi")
                .then().statusCode(200).header("Access-Control-Allow-Origin", DASHBOARD);
    }

    @Test
    void everyProxiedAnswerCarriesRateLimitHeaders() {
        String token = mx.gob.dif.common.security.TestTokens.person("usuario.limite", "10005", "municipal-operator");
        given().auth().oauth2(token).get("/api/v1/org-units")
                .then().statusCode(201).header("RateLimit-Limit", "2000").header("RateLimit-Remaining", "1999");
        given().auth().oauth2(token).get("/api/v1/nothing-here")
                .then().statusCode(404).header("RateLimit-Limit", "2000").header("RateLimit-Remaining", matchesPattern("19\\d\\d"));
    }

    @Test
    void healthMetricsAndDocumentationNeedNoTokenAndAreNotCounted() {
        given().get("/q/health/live").then().statusCode(200).header("RateLimit-Limit", nullValue());
        given().get("/q/health").then().statusCode(org.hamcrest.Matchers.oneOf(200, 503)).header("RateLimit-Limit", nullValue());
        given().get("/q/metrics").then().statusCode(200);
        given().get("/openapi").then().statusCode(200).header("RateLimit-Limit", nullValue());
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("url: '/openapi'"))
                .body(containsString("Plataforma DIF — API pública v1"));
    }
}
