package mx.gob.dif.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
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

/** A tiny limit: 3 requests at once, then one every 100 s. Each test uses its own client keys. */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimit.class)
class RateLimitTest {

    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.burst", "3", "gateway.rate-limit.requests-per-second", "0.01");
        }
    }

    private static String bearer(String azp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"azp\":\"" + azp + "\"}").getBytes(StandardCharsets.UTF_8)) + ".firma";
    }

    private static Response get(String header, String value) {
        return given().header(header, value).get("/api/v1/org-units");
    }

    @Test
    void onceTheBurstIsUsedTheClientGets429WithRetryAfter() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            get("X-Forwarded-For", "203.0.113.1").then().statusCode(201)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", String.valueOf(remaining));
        }
        Response refused = given().header("X-Forwarded-For", "203.0.113.1").header("X-Request-Id", "rl-1")
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
    void addressesHaveSeparateBuckets() {
        for (int i = 0; i < 3; i++) {
            get("X-Forwarded-For", "203.0.113.2").then().statusCode(201);
        }
        get("X-Forwarded-For", "203.0.113.2").then().statusCode(429);
        get("X-Forwarded-For", "203.0.113.3").then().statusCode(201).header("RateLimit-Remaining", "2");
        // only the first X-Forwarded-For address counts
        get("X-Forwarded-For", "203.0.113.2, 10.0.0.9").then().statusCode(429);
    }

    @Test
    void tokenClientsHaveSeparateBucketsEvenBehindOneAddress() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "203.0.113.4").header("Authorization", bearer("agencia-salud"))
                    .get("/api/v1/org-units").then().statusCode(201);
        }
        given().header("X-Forwarded-For", "203.0.113.4").header("Authorization", bearer("agencia-salud"))
                .get("/api/v1/org-units").then().statusCode(429);
        given().header("X-Forwarded-For", "203.0.113.4").header("Authorization", bearer("agencia-educacion"))
                .get("/api/v1/org-units").then().statusCode(201).header("RateLimit-Remaining", "2");
        // the same address without a token is yet another client
        get("X-Forwarded-For", "203.0.113.4").then().statusCode(201).header("RateLimit-Remaining", "2");
    }

    @Test
    void anUndecodableTokenCountsAgainstTheAddress() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "203.0.113.5").header("Authorization", "Bearer opaco-" + i)
                    .get("/api/v1/org-units").then().statusCode(201);
        }
        get("X-Forwarded-For", "203.0.113.5").then().statusCode(429);
    }

    @Test
    void healthDocumentationAndSwaggerUiAreNeverLimited() {
        for (int i = 0; i < 4; i++) {
            get("X-Forwarded-For", "203.0.113.6");
        }
        get("X-Forwarded-For", "203.0.113.6").then().statusCode(429);
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "203.0.113.6").get("/q/health/live").then().statusCode(200)
                    .header("RateLimit-Limit", nullValue());
            given().header("X-Forwarded-For", "203.0.113.6").get("/openapi").then().statusCode(200);
            given().header("X-Forwarded-For", "203.0.113.6").get("/q/swagger-ui/").then().statusCode(200);
        }
    }

    @Test
    void limitedAnswersStillCarryCorsHeadersForTheDashboard() {
        for (int i = 0; i < 3; i++) {
            get("X-Forwarded-For", "203.0.113.7");
        }
        given().header("X-Forwarded-For", "203.0.113.7").header("Origin", "http://localhost:3000")
                .get("/api/v1/org-units").then().statusCode(429)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }
}
