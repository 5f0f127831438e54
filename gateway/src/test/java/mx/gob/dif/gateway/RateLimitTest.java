package mx.gob.dif.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import mx.gob.dif.common.security.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tiny limit: 3 requests at once, then one every 100 s. Each test uses its own clients. The test
 * client counts as a trusted proxy here, so requests without a valid token are told apart by their
 * X-Forwarded-For address.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimit.class)
class RateLimitTest {

    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.burst", "3", "gateway.rate-limit.requests-per-second", "0.01",
                    "gateway.rate-limit.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1");
        }
    }

    /** An unsigned token claiming to be {@code azp}: what a caller dodging the limit would send. */
    private static String forged(String azp, String sub) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"azp\":\"" + azp + "\",\"sub\":\"" + sub + "\",\"iss\":\"" + TestTokens.ISSUER + "\"}")
                .getBytes(StandardCharsets.UTF_8)) + ".firma";
    }

    private static Response get(String token, String forwardedFor) {
        var spec = given().header("X-Forwarded-For", forwardedFor);
        return (token == null ? spec : spec.auth().oauth2(token)).get("/api/v1/org-units");
    }

    @Test
    void onceTheBurstIsUsedTheClientGets429WithRetryAfter() {
        String token = TestTokens.integrator("RL-1");
        for (int remaining = 2; remaining >= 0; remaining--) {
            get(token, "203.0.113.1").then().statusCode(201)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", String.valueOf(remaining));
        }
        Response refused = given().auth().oauth2(token).header("X-Request-Id", "rl-1")
                .contentType("application/json").body("{\"a\":1}").post("/api/v1/activities");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "0")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("X-Request-Id", "rl-1")
                .body("status", equalTo(429))
                .body("title", equalTo("Demasiadas solicitudes"))
                .body("detail", containsString("Intente de nuevo en"))
                .body("instance", equalTo("/api/v1/activities"))
                .body("requestId", equalTo("rl-1"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 100, "Retry-After " + retryAfter);
    }

    @Test
    void validatedClientsHaveSeparateBucketsEvenBehindOneAddress() {
        String salud = TestTokens.integrator("RL-SALUD");
        String educacion = TestTokens.integrator("RL-EDUCACION");
        for (int i = 0; i < 3; i++) {
            get(salud, "203.0.113.4").then().statusCode(201);
        }
        get(salud, "203.0.113.4").then().statusCode(429);
        // a new token of the same client and subject is the same client
        get(TestTokens.integrator("RL-SALUD"), "203.0.113.99").then().statusCode(429);
        get(educacion, "203.0.113.4").then().statusCode(201).header("RateLimit-Remaining", "2");
    }

    @Test
    void eachPersonOfTheDashboardHasABucketOfTheirOwn() {
        String durango = TestTokens.person("rl.durango", "10005", "municipal-operator");
        String gomez = TestTokens.person("rl.gomez", "10007", "municipal-operator");
        for (int i = 0; i < 3; i++) {
            get(durango, "203.0.113.8").then().statusCode(201);
        }
        get(durango, "203.0.113.8").then().statusCode(429);
        get(gomez, "203.0.113.8").then().statusCode(201).header("RateLimit-Remaining", "2"); // same client dif-web, another person
    }

    @Test
    void aForgedTokenCannotPickItsBucketItCountsAgainstItsAddress() {
        String salud = TestTokens.integrator("RL-FORGED");
        String claimedClient = "agencia-rl-forged"; // the azp of the real client above
        for (int i = 0; i < 3; i++) {
            get(forged(claimedClient, "x" + i), "203.0.113.5").then().statusCode(401).header("RateLimit-Remaining", String.valueOf(2 - i));
        }
        // the address is used up: more forged tokens (or none) from it are 429, whatever they claim
        get(forged("agencia-nueva-" + System.nanoTime(), "y"), "203.0.113.5").then().statusCode(429);
        get(null, "203.0.113.5").then().statusCode(429);
        // while the real client's bucket was never touched
        get(salud, "203.0.113.5").then().statusCode(201).header("RateLimit-Remaining", "2");
    }

    @Test
    void requestsWithoutTokenAreCountedByAddress() {
        for (int i = 0; i < 3; i++) {
            get(null, "203.0.113.2").then().statusCode(401);
        }
        get(null, "203.0.113.2").then().statusCode(429);
        get(null, "203.0.113.3").then().statusCode(401).header("RateLimit-Remaining", "2");
        // only the first X-Forwarded-For address counts
        get(null, "203.0.113.2, 10.0.0.9").then().statusCode(429);
    }

    @Test
    void healthDocumentationAndSwaggerUiAreNeverLimited() {
        for (int i = 0; i < 4; i++) {
            get(null, "203.0.113.6");
        }
        get(null, "203.0.113.6").then().statusCode(429);
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "203.0.113.6").get("/q/health/live").then().statusCode(200)
                    .header("RateLimit-Limit", nullValue());
            given().header("X-Forwarded-For", "203.0.113.6").get("/openapi").then().statusCode(200);
            given().header("X-Forwarded-For", "203.0.113.6").get("/q/swagger-ui/").then().statusCode(200);
        }
    }

    @Test
    void limitedAnswersStillCarryCorsHeadersForTheDashboard() {
        String token = TestTokens.integrator("RL-CORS");
        for (int i = 0; i < 3; i++) {
            get(token, "203.0.113.7");
        }
        given().auth().oauth2(token).header("Origin", "http://localhost:3000")
                .get("/api/v1/org-units").then().statusCode(429)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }
}
