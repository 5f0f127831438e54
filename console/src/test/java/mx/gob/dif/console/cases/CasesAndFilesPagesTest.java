package mx.gob.dif.console.cases;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.common.security.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The case pages, the operator's file upload and the administrator's plan dry run against a stand-in for the
 * gateway ({@link FakeGateway}): what they show of the API's answers, what they send, and that they send it with
 * the person's own token.
 */
@QuarkusTest
@QuarkusTestResource(mx.gob.dif.console.FakeApi.class)
class CasesAndFilesPagesTest {
    private static final String WORKER = TestTokens.caseWorker("10005");
    private static final String DIRECTOR = TestTokens.director("10005");

    @BeforeEach
    void clear() {
        FakeGateway.REQUESTS.clear();
    }

    @Test
    void todaysTasksLinkTheirCaseAndAskForThePersonsUnitWithTheirToken() {
        as(WORKER).get("/casos").then().statusCode(200)
                .body(containsString("Vencidas (1)"))
                .body(containsString("<a href=\"/casos/" + FakeGateway.CASE + "\">CASO-10005-2026-0007</a>"))
                .body(not(containsString("/casos/aprobaciones")));
        FakeGateway.Recorded r = FakeGateway.REQUESTS.get(0);
        assertEquals("/api/v1/tasks?orgUnit=10005", r.uri());
        assertEquals("Bearer " + WORKER, r.authorization());
        as(DIRECTOR).get("/casos").then().statusCode(200).body(containsString("href=\"/casos/aprobaciones\""));
    }

    @Test
    void aCaseShowsItsHistoryInWordsAndItsLetterIsDownloaded() {
        as(WORKER).get("/casos/" + FakeGateway.CASE).then().statusCode(200)
                .body(containsString("Caso CASO-10005-2026-0007"))
                .body(containsString("En revisión"))
                .body(containsString("categoría Salud"))
                .body(containsString("1/10/2026 10:00")) // 16:00 UTC, read in Mexico
                .body(containsString("/casos/" + FakeGateway.CASE + "/carta.pdf?canalizacion=" + FakeGateway.REFERRAL));
        byte[] pdf = as(WORKER).get("/casos/" + FakeGateway.CASE + "/carta.pdf?canalizacion=" + FakeGateway.REFERRAL)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertTrue(new String(pdf, StandardCharsets.US_ASCII).startsWith("%PDF"));
        as(WORKER).get("/casos/no-es-un-id").then().statusCode(404).contentType(containsString("text/html"));
        as(WORKER).get("/casos/lista?estado=REFERRED").then().statusCode(200).body(containsString("Canalizado"));
    }

    @Test
    void onlyTheDirectorDecidesApprovals() {
        as(WORKER).get("/casos/aprobaciones").then().statusCode(403);
        as(DIRECTOR).get("/casos/aprobaciones").then().statusCode(200).body(containsString("Canalización sin consentimiento"));
        as(DIRECTOR).contentType("application/x-www-form-urlencoded").formParam("decision", "APPROVED").formParam("comment", "Procede")
                .post("/casos/aprobaciones/" + FakeGateway.APPROVAL).then().statusCode(200).body(containsString("Solicitud aprobada."));
        FakeGateway.Recorded decision = FakeGateway.REQUESTS.stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertEquals("{\"decision\":\"APPROVED\",\"comment\":\"Procede\"}", new String(decision.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aFileWithABadRowShowsTheRowsErrorAndAGoodFileIsCounted() {
        String bad = "id,indicador,clave_unidad,fecha,cantidad\r\n,DIF-01-03,10005,2021-06-17,4\r\n,DIF-01-03,10005,2021-06-17,cuatro\r\n";
        as(TestTokens.operator("10005")).multiPart("archivo", "reportes.csv", bad.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/operador/archivo").then().statusCode(422)
                .body(containsString("id=\"fila-3\""))
                .body(containsString("<strong>cantidad</strong>: La cantidad debe ser un número; se recibió &#39;cuatro&#39;."))
                .body(containsString("no se registró ningún reporte"));
        assertEquals("text/csv", FakeGateway.REQUESTS.get(0).contentType());
        as(TestTokens.operator("10005")).multiPart("archivo", "reportes.csv", bad.replace("cuatro", "4").getBytes(StandardCharsets.UTF_8),
                "text/csv").post("/operador/archivo").then().statusCode(200).body(containsString("2 reporte(s) registrado(s)"));
        as(TestTokens.operator("10005")).get("/operador/archivo/plantilla.csv").then().statusCode(200)
                .body(containsString("clave_unidad"));
        as(TestTokens.caseWorker("10005")).get("/operador/archivo").then().statusCode(403);
    }

    @Test
    void thePlanDryRunShowsErrorsBySheetRowAndColumnAndConfirmationSavesTheCheckedFile() {
        String admin = TestTokens.administrator();
        as(admin).multiPart("archivo", "pat.xlsx", "libro con diez".getBytes(StandardCharsets.UTF_8))
                .multiPart("orgUnit", "10012").multiPart("fiscalYear", "2019")
                .post("/admin/plan").then().statusCode(422)
                .body(containsString("<tr data-sheet=\"Metas\" data-row=\"3\">"))
                .body(containsString("meta (F)"));
        assertTrue(FakeGateway.REQUESTS.get(0).uri().contains("dryRun=true"), FakeGateway.REQUESTS.get(0).uri());
        String page = as(admin).multiPart("archivo", "pat.xlsx", "libro correcto".getBytes(StandardCharsets.UTF_8))
                .post("/admin/plan").then().statusCode(200).body(containsString("19 programas")).extract().asString();
        String key = page.replaceAll("(?s).*name=\"key\" value=\"([0-9a-f-]+)\".*", "$1");
        as(TestTokens.person("otro.admin", "10", "administrator")).contentType("application/x-www-form-urlencoded")
                .formParam("key", key).post("/admin/plan/confirmacion").then().statusCode(409);
        as(admin).contentType("application/x-www-form-urlencoded").formParam("key", key).post("/admin/plan/confirmacion")
                .then().statusCode(200).body(containsString("guardado"));
        FakeGateway.Recorded saved = FakeGateway.REQUESTS.get(FakeGateway.REQUESTS.size() - 1);
        assertTrue(saved.uri().contains("dryRun=false"), saved.uri());
        assertEquals("libro correcto", new String(saved.body(), StandardCharsets.UTF_8));
        as(admin).contentType("application/x-www-form-urlencoded").formParam("key", key).post("/admin/plan/confirmacion")
                .then().statusCode(409);
    }

    private static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }
}
