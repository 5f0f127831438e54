package mx.gob.dif.programs.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input found through the gateway that answered 500 or a misleading 404: each is now a 4xx
 * problem+json in Spanish that names what to fix, and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class BadInputTest {

    private static RequestSpecification given() {
        return RestAssured.given().auth().oauth2(TestTokens.administrator());
    }

    @Test
    void aProgramCodeLongerThanItsColumnIsA422NamingTheFieldAndStoresNothing() {
        String plan = """
                {"orgUnit":"10005","fiscalYear":2044,"programs":[{"code":"%s","name":"Programa ficticio",
                 "actions":[{"code":"A-01","description":"Acción","targets":[{"indicatorCode":"%s","unit":"Persona","target":10}]}]}]}"""
                .formatted("P".repeat(2000), "I".repeat(65));
        given().contentType("application/json").body(plan).post("/api/v1/work-plans/import").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("programs[0].code"))
                .body("errors.find { it.field == 'programs[0].code' }.message", containsString("64 caracteres"))
                .body("errors.field", hasItem("programs[0].actions[0].targets[0].indicatorCode"));
        given().get("/api/v1/work-plans?orgUnit=10005&fiscalYear=2044").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aRepeatedMonthIsNamedInsteadOfOverflowingTheCalendarColumn() {
        String months = "\"ENE\",".repeat(20) + "\"FEB\"";
        String plan = """
                {"orgUnit":"10005","fiscalYear":2044,"programs":[{"code":"P-01","name":"Programa ficticio","calendarMonths":[%s],
                 "actions":[{"code":"A-01","description":"Acción","targets":[{"indicatorCode":"I-01","unit":"Persona","target":10}]}]}]}"""
                .formatted(months);
        given().contentType("application/json").body(plan).post("/api/v1/work-plans/import").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("programs[0].calendarMonths[1]"));
    }

    @Test
    void aNumericParameterGivenAsTextIsA400NamingIt() {
        given().get("/api/v1/work-plans?fiscalYear=abc").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'fiscalYear'")).body("errors[0].field", equalTo("fiscalYear"));
        given().get("/api/v1/work-plans?page=abc").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("El parámetro 'page' debe ser un número entero."));
        given().get("/api/v1/work-plans?size=99999999999").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().get("/api/v1/programs/DIF-01?orgUnit=10005&fiscalYear=2O21").then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalYear"));
        // a path that names nothing stays a 404
        given().get("/api/v1/work-plans/no-es-uuid/programs").then().statusCode(404);
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemInSpanish() throws Exception {
        String answer = RawHttp.post(RestAssured.port, "/api/v1/work-plans/import", TestTokens.administrator(), 40L * 1024 * 1024);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("application/problem+json"), answer);
        assertTrue(answer.contains("El cuerpo de la solicitud mide 41943040 bytes y el máximo es 33554432 bytes (32 MB)"), answer);
    }

    /** A request announcing a body it never sends, read back whole: what a client over the limit gets. */
    static final class RawHttp {
        static String post(int port, String path, String token, long announced) throws Exception {
            try (Socket s = new Socket("127.0.0.1", port)) {
                OutputStream out = s.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + announced + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
