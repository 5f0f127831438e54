package mx.gob.dif.gateway.logging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import mx.gob.dif.common.security.TestTokens;
import org.jboss.logging.Logger;
import mx.gob.dif.common.logging.ConsoleCapture;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DIF_JSON_LOGS=true (service-common's shared config, the same for every service): every console line
 * is one JSON object with timestamp, level, logger, thread, the request id, message and exception.
 */
@QuarkusTest
@TestProfile(JsonLogTest.JsonLogs.class)
class JsonLogTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("DIF_JSON_LOGS", "true");
        }
    }

    @Test
    void everyLineIsOneJsonObjectCarryingTheRequestId() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        try (ConsoleCapture console = new ConsoleCapture()) {
            // cases is unreachable in tests (FakeUpstream): the gateway logs a warning for this request
            given().auth().oauth2(TestTokens.operator("10005")).header("X-Request-Id", "json-log-1")
                    .get("/api/v1/cases").then().statusCode(503);
            Logger.getLogger("mx.gob.dif.test").error("Import \"A\"\nfailed", new IllegalStateException("boom"));
            for (String line : console.lines()) {
                JsonNode record = JSON.readTree(line); // fails on a line that is not exactly one JSON value
                assertTrue(record.isObject(), line);
                records.add(record);
            }
        }

        JsonNode warning = only(records, "mx.gob.dif.gateway.proxy.ProxyRoute");
        assertEquals("WARN", warning.path("level").asText());
        assertEquals("json-log-1", warning.path("mdc").path("requestId").asText());
        assertTrue(warning.path("thread").asText().startsWith("vert.x-eventloop-thread-"), warning.toString());
        assertTrue(warning.path("message").asText().startsWith("Upstream cases failed: "), warning.toString());
        OffsetDateTime.parse(warning.path("timestamp").asText());
        assertFalse(warning.has("exception"));

        JsonNode error = only(records, "mx.gob.dif.test");
        assertEquals("ERROR", error.path("level").asText());
        assertEquals("Import \"A\"\nfailed", error.path("message").asText());
        assertEquals("java.lang.IllegalStateException", error.path("exception").path("exceptionType").asText());
        assertEquals("boom", error.path("exception").path("message").asText());
    }

    private static JsonNode only(List<JsonNode> records, String logger) {
        List<JsonNode> found = records.stream().filter(r -> logger.equals(r.path("logger").asText())).toList();
        assertEquals(1, found.size(), "lines of " + logger + " in " + records);
        return found.get(0);
    }
}
