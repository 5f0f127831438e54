package mx.gob.dif.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.common.security.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
class GatewayTest {
    private static final String TOKEN = TestTokens.operator("10005");

    /** A caller with a valid token (the gateway refuses /api without one: TokenGateTest). */
    static RequestSpecification withToken() {
        return given().auth().oauth2(TOKEN);
    }

    /** A body announced over the gateway's limit (64 MB) is refused before any of it is read or forwarded. */
    @Test
    void aBodyOverTheLimitIsA413ProblemInSpanish() throws Exception {
        String answer;
        try (Socket s = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/activities HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nX-Request-Id: grande-1\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("\"requestId\":\"grande-1\""), answer);
        assertTrue(answer.contains("mide 100000000 bytes y el máximo es 67108864 bytes (64 MB)"), answer);
    }

    /**
     * A body over the service's limit (programs takes 32 MB) but within the gateway's is read to its end and refused
     * by the gateway: the client gets its 413 whole (a service answering before the body is read could not say so
     * reliably: it would have to close on unread bytes), and the service never sees the request.
     */
    @Test
    void aBodyOverTheServicesLimitIsRefusedByTheGatewayAndNeverForwarded() {
        String marker = java.util.UUID.randomUUID().toString();
        byte[] body = new byte[33 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        for (int i = 0; i < 3; i++) { // and the connection goes on serving
            withToken().header("X-Request-Id", "grande-servicio-" + i).contentType("application/json").body(body)
                    .post("/api/v1/work-plans/import?marca=" + marker)
                    .then().statusCode(413).contentType("application/problem+json")
                    .body("requestId", equalTo("grande-servicio-" + i))
                    .body("detail", containsString("mide 34603008 bytes y el máximo que acepta el servicio 'programs' es 33554432 bytes (32 MB)"));
        }
        assertTrue(!TokenGateTest.received().contains(marker), "the service received a refused body");
    }

    /** A service's bare 413 (a body without a length that outgrew its limit) reaches the client as a problem. */
    @Test
    void aServicesBare413IsPassedOnAsAProblemInSpanish() {
        withToken().header(FakeUpstream.PLAIN_413, "413").contentType("application/json").body("[]").post("/api/v1/activities")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("supera el máximo")).body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void forwardsPathQueryAndBodyToTheOwningService() {
        withToken().contentType("application/json").body("{\"a\":1}")
                .post("/api/v1/work-plans/import?dryRun=true")
                .then().statusCode(201)
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/work-plans/import?dryRun=true"))
                .body("body.a", equalTo(1));
    }

    @Test
    void propagatesTheCallersRequestId() {
        withToken().header("X-Request-Id", "abc-123").get("/api/v1/indicators/DIF-01-03?orgUnit=10005&period=2021")
                .then().header("X-Request-Id", "abc-123").body("requestId", equalTo("abc-123"));
    }

    @Test
    void generatesARequestIdWhenNoneIsGiven() {
        withToken().get("/api/v1/org-units").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void unknownRouteIsProblemJson404() {
        withToken().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Ruta desconocida"))
                .body("detail", containsString("/api/v1/nothing-here"));
    }

    @Test
    void unreachableServiceIsAFastProblemJson503NamingIt() {
        withToken().get("/api/v1/cases").then().statusCode(503)
                .time(lessThan(3000L))
                .contentType("application/problem+json")
                .body("title", equalTo("Servicio no disponible"))
                .body("detail", containsString("'cases' no responde"));
    }

    @Test
    void servesOneOpenApiDocumentEvenWhenAServiceIsDown() {
        given().get("/openapi").then().statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("info.title", containsString("DIF"))
                .body("x-unavailable-services", equalTo(java.util.List.of("cases")));
    }

    /** cases-service is down (FakeUpstream): the gateway stays ready and says which service is down. */
    @Test
    void oneServiceDownLeavesTheGatewayReadyAndIsReportedPerService() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("services")));
        for (String path : new String[] {"/q/health", "/q/health/well"}) {
            given().get(path).then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'services' }.data.programs", equalTo("UP"))
                    .body("checks.find { it.name == 'services' }.data.indicators", equalTo("UP"))
                    .body("checks.find { it.name == 'services' }.data.cases", equalTo("UNREACHABLE"));
        }
    }

    @Test
    void theOtherServicesRoutesAnswerWhileOneIsDown() {
        withToken().get("/api/v1/cases").then().statusCode(503);
        withToken().get("/api/v1/org-units/10005").then().statusCode(201).body("uri", equalTo("/api/v1/org-units/10005"));
        withToken().get("/api/v1/indicators/DIF-01-03?orgUnit=10005&period=2021").then().statusCode(201)
                .body("uri", equalTo("/api/v1/indicators/DIF-01-03?orgUnit=10005&period=2021"));
    }
}
