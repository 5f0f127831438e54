package mx.gob.dif.gateway.cors;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorsPolicyTest {
    private final CorsPolicy policy = new CorsPolicy(List.of("http://localhost:3000", " https://Tablero.dif.gob.mx/ "), 600);

    @Test
    void configuredOriginsAreAllowedAsBrowsersSendThem() {
        assertTrue(policy.allows("http://localhost:3000"));
        assertTrue(policy.allows("https://tablero.dif.gob.mx"));
        assertFalse(policy.allows("http://localhost:3001"));
        assertFalse(policy.allows("https://evil.example"));
        assertFalse(policy.allows("null"));
        assertFalse(policy.allows(null));
    }

    @Test
    void preflightOfAnAllowedOrigin() {
        assertEquals(Map.of("Access-Control-Allow-Origin", "http://localhost:3000",
                "Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS",
                "Access-Control-Allow-Headers", "Authorization, Content-Type, X-Request-Id, If-Match",
                "Access-Control-Max-Age", "600"), policy.preflight("http://localhost:3000"));
    }

    @Test
    void actualRequestOfAnAllowedOrigin() {
        assertEquals(Map.of("Access-Control-Allow-Origin", "http://localhost:3000",
                "Access-Control-Expose-Headers", "X-Request-Id, Location, ETag, Retry-After"), policy.actual("http://localhost:3000"));
    }

    @Test
    void otherOriginsGetNoHeaders() {
        assertEquals(Map.of(), policy.preflight("https://evil.example"));
        assertEquals(Map.of(), policy.actual("https://evil.example"));
        assertEquals(Map.of(), policy.actual(null));
    }

    @Test
    void preflightIsOptionsWithOriginAndRequestedMethod() {
        assertTrue(CorsPolicy.isPreflight("OPTIONS", "http://x", "POST"));
        assertFalse(CorsPolicy.isPreflight("OPTIONS", null, "POST"));
        assertFalse(CorsPolicy.isPreflight("OPTIONS", "http://x", null));
        assertFalse(CorsPolicy.isPreflight("POST", "http://x", "POST"));
    }
}
