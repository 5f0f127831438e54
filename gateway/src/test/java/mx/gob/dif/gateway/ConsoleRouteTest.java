package mx.gob.dif.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every path outside /api, /q and /openapi goes to the web console, without a bearer token (the console
 * keeps its own sign-in session), telling it the address the browser used; its server-sent event streams
 * pass through as they come and outlive the upstream timeout (2 s here), which bounds only the wait for
 * their headers.
 */
@QuarkusTest
@TestProfile(UpstreamTimeoutTest.ShortUpstreamTimeout.class)
class ConsoleRouteTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void pagesGoToTheConsoleWithoutATokenAndWithTheBrowsersAddress() {
        for (String path : List.of("/", "/operador", "/analista/indicadores/DIF-01-03?periodo=2021", "/css/console.css")) {
            given().header("Host", "localhost:8080").redirects().follow(false).get(path)
                    .then().statusCode(201)
                    .body("uri", equalTo(path))
                    .body("forwardedHost", equalTo("localhost:8080"))
                    .body("forwardedProto", equalTo("http"));
        }
        given().contentType("application/json").body("{\"cantidad\":80}").post("/operador/reporte")
                .then().statusCode(201).body("method", equalTo("POST")).body("body.cantidad", equalTo(80));
    }

    @Test
    void theApiHealthAndDocumentationStayTheGatewaysOwn() {
        given().get("/api/v1/org-units").then().statusCode(401).contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/openapi").then().statusCode(200).body("openapi", equalTo("3.1.0"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(not(containsString("\"uri\"")));
    }

    @Test
    void aLiveStreamIsPassedOnAsItComesAndIsNotCutByTheUpstreamTimeout() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // the console sends one event, then stays silent for twice the upstream timeout and until released
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(gateway.resolve(FakeUpstream.LIVE))
                .header(FakeUpstream.DELAY_HEADER, "4000").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse(""));
        BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        // the first event arrives while the console still holds the stream open: nothing is buffered
        assertEquals("data: first", CompletableFuture.supplyAsync(() -> readLine(lines)).get(60, TimeUnit.SECONDS));
        given().get(FakeUpstream.RELEASE).then().statusCode(200);
        List<String> rest = new ArrayList<>();
        for (String line = readLine(lines); line != null; line = readLine(lines)) {
            rest.add(line);
        }
        assertEquals(List.of("", "data: last", ""), rest);
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
