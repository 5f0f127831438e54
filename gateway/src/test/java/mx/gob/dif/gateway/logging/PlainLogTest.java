package mx.gob.dif.gateway.logging;

import io.quarkus.test.junit.QuarkusTest;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.common.logging.ConsoleCapture;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** By default (no DIF_JSON_LOGS) log lines are plain text carrying rid=<request id>. */
@QuarkusTest
class PlainLogTest {

    @Test
    void aLineOfARequestIsPlainTextWithItsRequestId() {
        List<String> lines;
        try (ConsoleCapture console = new ConsoleCapture()) {
            // cases is unreachable in tests (FakeUpstream): the gateway logs a warning for this request
            given().auth().oauth2(TestTokens.operator("10005")).header("X-Request-Id", "plain-log-1")
                    .get("/api/v1/cases").then().statusCode(503);
            lines = console.lines().stream().filter(l -> l.contains("Upstream cases failed")).toList();
        }
        assertEquals(1, lines.size(), lines.toString());
        String pattern = "\\d\\d:\\d\\d:\\d\\d,\\d{3} WARN .*ProxyRoute.* \\[rid=plain-log-1] Upstream cases failed: .+";
        assertTrue(lines.get(0).matches(pattern), lines.get(0));
    }
}
