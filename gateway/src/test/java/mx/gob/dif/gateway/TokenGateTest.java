package mx.gob.dif.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.common.security.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway lets through only requests with a valid token of the DIF realm (here: signed with the
 * test key, issuer {@value TestTokens#ISSUER}); every other one is a Spanish 401 problem+json that
 * never reaches a service (FakeUpstream lists what it received).
 */
@QuarkusTest
class TokenGateTest {
    private static final String DASHBOARD = "http://localhost:3000";

    @jakarta.inject.Inject
    mx.gob.dif.common.security.TokenMemory tokens;

    static Stream<Arguments> refusedTokens() {
        String operator = TestTokens.operator("10005");
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String[] parts = operator.split("\\.");
        String unsigned = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        return Stream.of(
                Arguments.of("vencido", "Bearer " + TestTokens.builder().name("operador.durango").orgUnit("10005")
                        .roles("municipal-operator").expiredSince(Duration.ofMinutes(10)).build(), "venció"),
                Arguments.of("alterado", "Bearer " + TestTokens.tampered(operator), "no es válido"),
                Arguments.of("de otro emisor", "Bearer " + TestTokens.builder().name("operador.durango").orgUnit("10005")
                        .roles("municipal-operator").issuer("https://otro-emisor.example/realms/dif").build(), "no es válido"),
                Arguments.of("sin audiencia", "Bearer " + TestTokens.builder().name("trabajadora.durango").orgUnit("10005")
                        .roles("case-worker").audience(null).build(), "no es válido"),
                Arguments.of("para otro cliente del realm (consola de cuenta)", "Bearer " + TestTokens.builder()
                        .name("trabajadora.durango").orgUnit("MX").roles("case-worker").audience("account").build(), "no es válido"),
                Arguments.of("sin firma", "Bearer " + unsigned, "no es válido"),
                Arguments.of("firma de otro token", "Bearer " + parts[0] + "." + TestTokens.administrator().split("\\.")[1] + "." + parts[2], "no es válido"),
                Arguments.of("no es un JWT", "Bearer no-es-un-jwt", "no es válido"),
                Arguments.of("Basic en lugar de Bearer", "Basic b3BlcmFkb3I6c2VjcmV0bw==", "Falta el token"),
                Arguments.of("Bearer vacío", "Bearer ", "Falta el token"));
    }

    @Test
    void aRequestWithoutTokenIsRefusedWithAProblemAChallengeAndItsRequestId() {
        String marker = UUID.randomUUID().toString();
        given().header("X-Request-Id", "sin-token-1").get("/api/v1/org-units?marca=" + marker)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"dif\""))
                .header("X-Request-Id", "sin-token-1")
                .body("status", equalTo(401))
                .body("title", equalTo("No autenticado"))
                .body("detail", containsString("Authorization: Bearer"))
                .body("instance", equalTo("/api/v1/org-units"))
                .body("requestId", equalTo("sin-token-1"));
        assertNotForwarded(marker);
    }

    @ParameterizedTest(name = "token {0}")
    @MethodSource("refusedTokens")
    void aBadTokenIsRefusedAndNeverForwarded(String what, String authorization, String reason) {
        String marker = UUID.randomUUID().toString();
        ValidatableResponse refused = given().header("Authorization", authorization)
                .get("/api/v1/indicators/DIF-01-03?orgUnit=10005&period=2021&marca=" + marker)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer realm=\"dif\""))
                .header("X-Request-Id", not(nullValue()))
                .body("title", equalTo("No autenticado"))
                .body("detail", containsString(reason))
                .body("requestId", not(nullValue()));
        if (!reason.startsWith("Falta")) {
            refused.header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        }
        // with a body too: the refused body is read and dropped, nothing reaches the service
        given().header("Authorization", authorization).contentType("application/json").body("[{\"quantity\":1}]")
                .post("/api/v1/activities?marca=" + marker)
                .then().statusCode(401).contentType("application/problem+json");
        assertNotForwarded(marker);
    }

    @Test
    void aValidTokenIsForwardedWithTheAuthorizationHeaderIntact() {
        String token = TestTokens.operator("10005");
        given().auth().oauth2(token).get("/api/v1/org-units/10005")
                .then().statusCode(201)
                .body("uri", equalTo("/api/v1/org-units/10005"))
                .body("authorization", equalTo("Bearer " + token));
        String agency = TestTokens.integrator("SALUD-DGO");
        given().auth().oauth2(agency).get("/api/v1/indicators/T-01?orgUnit=10005&period=2021")
                .then().statusCode(201).body("authorization", equalTo("Bearer " + agency));
    }

    @Test
    void aBodyWaitsForTheTokenCheckAndArrivesWhole() {
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) {
            big.append(i > 0 ? "," : "").append("{\"indicator\":\"DIF-01-03\",\"orgUnit\":\"10005\",\"date\":\"2021-03-14\",\"quantity\":").append(i).append('}');
        }
        String body = big.append(']').toString();
        with().contentType("application/json").body(body).post("/api/v1/activities")
                .then().statusCode(201).body("bodyLength", equalTo(body.getBytes(StandardCharsets.UTF_8).length));
        with().contentType("application/json").body("{\"a\":1}").post("/api/v1/activities")
                .then().statusCode(201).body("body.a", equalTo(1));
    }

    /** Verified tokens are remembered (TokenMemory): the memory never outlives the token nor accepts an altered copy. */
    @Test
    void aRememberedTokenIsRefusedOnceItExpiresAndItsAlteredCopyNever() throws InterruptedException {
        String shortLived = TestTokens.builder().name("operador.durango").orgUnit("10005").roles("municipal-operator")
                .expiresIn(Duration.ofSeconds(3)).build();
        assertFalse(tokens.remembers(shortLived));
        given().auth().oauth2(shortLived).get("/api/v1/org-units/10005").then().statusCode(201);
        assertTrue(tokens.remembers(shortLived), "checked once, then remembered");
        long recalled = tokens.recalls();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(shortLived).get("/api/v1/org-units/10005").then().statusCode(201);
        }
        assertEquals(recalled + 3, tokens.recalls(), "the next requests are answered from the memory, not checked again");
        given().auth().oauth2(TestTokens.tampered(shortLived)).get("/api/v1/org-units/10005")
                .then().statusCode(401).body("detail", containsString("no es válido"));
        long expiresAt = System.currentTimeMillis() + 3_000;
        while (System.currentTimeMillis() < expiresAt + 1_500) {
            Thread.sleep(250);
        }
        given().auth().oauth2(shortLived).get("/api/v1/org-units/10005")
                .then().statusCode(401).body("detail", containsString("venció"));
        assertFalse(tokens.remembers(shortLived));
        assertFalse(tokens.remembers(TestTokens.tampered(shortLived)));
    }

    @Test
    void theCallerCannotNameItselfWithAHeader() {
        with().header("X-Dif-User", "director.durango").get("/api/v1/org-units")
                .then().statusCode(201).body("difUser", nullValue());
    }

    @Test
    void theCallerCannotForgeWhereItCallsFrom() {
        with().header("X-Forwarded-For", "203.0.113.66").header("X-Forwarded-Proto", "https")
                .header("Forwarded", "for=203.0.113.66;proto=https").get("/api/v1/org-units")
                .then().statusCode(201)
                // one address, the gateway's peer: the forged one is neither passed on nor appended to
                .body("forwardedFor", matchesPattern("\\[[0-9a-f.:]+\\]"))
                .body("forwardedFor", not(containsString("203.0.113.66")))
                .body("forwardedProto", nullValue())
                .body("forwarded", nullValue());
    }

    @Test
    void preflightsDocumentationHealthAndMetricsNeedNoToken() {
        given().header("Origin", DASHBOARD).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/indicators/DIF-01-03")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().get("/openapi").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void aRefusalCarriesCorsHeadersSoTheDashboardCanReadIt() {
        given().header("Origin", DASHBOARD).get("/api/v1/org-units")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", DASHBOARD)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void everythingUnderApiNeedsAToken() {
        for (String path : new String[]{"/api/v1/nothing-here", "/api/v1/cases", "/api/v2/whatever", "/api/"}) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
        given().contentType("application/json").body("{}").put("/api/v1/targets/X").then().statusCode(401);
        given().delete("/api/v1/targets/X").then().statusCode(401);
        given().options("/api/v1/org-units").then().statusCode(401); // OPTIONS that is not a CORS preflight
    }

    private static RequestSpecification with() {
        return given().auth().oauth2(TestTokens.operator("10005"));
    }

    private static void assertNotForwarded(String marker) {
        assertFalse(received().contains(marker), "the service received a refused request");
        // and the stand-in does record what reaches it
        String seen = UUID.randomUUID().toString();
        with().get("/api/v1/org-units?marca=" + seen).then().statusCode(201);
        assertTrue(received().contains(seen));
    }

    /** The request lines FakeUpstream received so far. */
    static String received() {
        String upstream = ConfigProvider.getConfig().getValue("gateway.services.programs", String.class);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(upstream + FakeUpstream.RECEIVED)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            return r.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
