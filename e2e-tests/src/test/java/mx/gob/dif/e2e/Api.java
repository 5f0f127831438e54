package mx.gob.dif.e2e;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;


/** Small helpers for calling the platform through the gateway as an integrator would, with real tokens ({@link Tokens}). */
final class Api {
    private Api() {
    }

    static void useGateway() {
        RestAssured.baseURI = PlatformStack.get().gatewayUrl();
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** The demo plan file with the orgUnit and fiscalYear the import endpoint needs. */
    static String demoPlan(String orgUnit, int year) throws IOException {
        Path file = PlatformStack.get().projectDir().resolve("deploy/demo/pat-2021-municipal-durango.json");
        String json = Files.readString(file).trim();
        return "{\"orgUnit\":\"" + orgUnit + "\",\"fiscalYear\":" + year + "," + json.substring(1);
    }

    /** Indicators are read as the state analyst, who may read every unit of Durango (10 and below). */
    static Response indicator(String code, String orgUnit, String period) {
        return Tokens.as(Tokens.ANALYST).get("/api/v1/indicators/" + code + "?orgUnit=" + orgUnit + "&period=" + period);
    }

    /**
     * The agencies the tests refer cases to, imported by the administrator (idempotent): the two on the
     * platform whose systems have demo clients, SALUD-DGO (agencia-salud) and SEED-DGO (agencia-educacion).
     */
    static void importAgencies() {
        Tokens.as(Tokens.ADMIN).contentType("application/json").body("""
                [{"id":"SALUD-DGO","name":"Secretaría de Salud (prueba)","kind":"PUBLIC","onPlatform":true,
                  "services":[{"name":"Valoración médica y nutricional","minAge":0,"maxAge":17,"requiredDocuments":["Acta de nacimiento"]}]},
                 {"id":"SEED-DGO","name":"Secretaría de Educación (prueba)","kind":"PUBLIC","onPlatform":true,
                  "services":[{"name":"Beca de permanencia escolar","minAge":6,"maxAge":18,"requiredDocuments":["Constancia de estudios"]}]}]""")
                .post("/api/v1/agencies/import").then().statusCode(200);
    }

    static BigDecimal value(Response r) {
        return r.statusCode() == 200 ? new BigDecimal(r.jsonPath().getString("value")) : null;
    }

    /** Polls the indicator until the condition holds (events are asynchronous); returns the last answer. */
    static Response awaitIndicator(String code, String orgUnit, String period, Predicate<BigDecimal> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response r = indicator(code, orgUnit, period);
        while (System.nanoTime() < deadline) {
            BigDecimal v = value(r);
            if (v != null && condition.test(v)) {
                return r;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
            r = indicator(code, orgUnit, period);
        }
        return r;
    }

    static String report(String id, String indicator, String orgUnit, String date, String quantity) {
        return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"indicator\":\"" + indicator + "\",\"orgUnit\":\"" + orgUnit
                + "\",\"date\":\"" + date + "\",\"quantity\":" + quantity + "}";
    }
}
