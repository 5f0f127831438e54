package mx.gob.dif.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static mx.gob.dif.gateway.GatewayTest.withToken;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A service that takes a request and then stays silent (frozen with SIGSTOP, stuck on its database)
 * holds the caller only for gateway.upstream-timeout-ms: then a 504 problem+json in Spanish that says
 * the outcome is unknown, while the other requests keep being served.
 */
@QuarkusTest
@TestProfile(UpstreamTimeoutTest.ShortUpstreamTimeout.class)
class UpstreamTimeoutTest {

    public static class ShortUpstreamTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.upstream-timeout-ms", "2000");
        }
    }

    @Test
    void aSilentServiceGetsA504ProblemJsonInsteadOfHoldingTheCaller() {
        // the fake answers after 10 minutes: only the gateway's bound can end this request
        withToken().header(FakeUpstream.DELAY_HEADER, "600000").contentType("application/json").body("[]")
                .post("/api/v1/activities")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("status", equalTo(504))
                .body("title", equalTo("Tiempo de espera agotado"))
                .body("detail", containsString("'programs' no respondió en 2 s"))
                .body("detail", containsString("mismo id"));
    }

    @Test
    void aServiceThatAnswersWithinTheBoundIsServedAsUsual() {
        withToken().header(FakeUpstream.DELAY_HEADER, "200").get("/api/v1/org-units/10005")
                .then().statusCode(201).body("uri", equalTo("/api/v1/org-units/10005"));
    }
}
