package mx.gob.dif.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import mx.gob.dif.common.security.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's pages against a stand-in of the API ({@link FakeApi}): the plan's lights, the month's grid, sending
 * it (twice: the same report ids both times), the API's refusals beside the cells, the month's submission.
 */
@QuarkusTest
@QuarkusTestResource(FakeApi.class)
class OperatorPagesTest {
    private static final String TOKEN = TestTokens.operator("10005");
    private static final Pattern HIDDEN_ID = Pattern.compile("name=\"(id-[A-Z0-9-]+)\" value=\"([0-9a-f-]{36})\"");

    @Test
    void thePlanShowsEveryProgramsLightsAndTheMonthsToReportWithThePersonsOwnToken() {
        given().auth().oauth2(TOKEN).get("/operador?anio=2021").then().statusCode(200)
                .body(containsString("Programa anual de trabajo · SMDIF Durango"))
                .body(containsString("<tr data-program=\"DIF-01\">"))
                .body(containsString("<tr data-program=\"DIF-02\">"))
                .body(containsString("41.5 %"))
                .body(containsString("1 en verde"))
                .body(containsString("1 en amarillo"))
                .body(containsString("1 en rojo"))
                .body(containsString("href=\"/operador/reporte?mes=2021-12\">diciembre de 2021</a>"));
        String received = received();
        assertTrue(received.contains("GET /api/v1/programs/DIF-01/progress?orgUnit=10005&period=2021 auth=Bearer " + TOKEN), received);
    }

    @Test
    void theGridShowsEachTargetWithTheMonthsExpectedValueAndALabelledCell() {
        given().auth().oauth2(TOKEN).get("/operador/reporte?mes=2021-03").then().statusCode(200)
                .body(containsString("Reporte de marzo de 2021"))
                .body(containsString("<td class=\"num\" id=\"esperado-DIF-01-01\">2.5</td>"))
                .body(containsString("<label class=\"sr-only\" for=\"cantidad-DIF-01-01\">Cantidad de DIF-01-01 en marzo de 2021</label>"))
                .body(containsString("Estado del mes: <strong id=\"estado-mes\">Abierto (sin enviar)</strong>"));
    }

    @Test
    void sendingTheSameFormTwiceSendsTheSameReportIdsSoTheApiCountsThemOnce() {
        Map<String, String> form = form("2021-04");
        form.put("cantidad-DIF-01-01", "7");
        form.put("cantidad-DIF-02-01", "12.5");
        Response first = post("/operador/reporte", form);
        Response second = post("/operador/reporte", form);
        assertEquals(303, first.statusCode());
        assertThat(first.header("Location"), "mes=2021-04&nuevos=2&repetidos=0");
        assertThat(second.header("Location"), "mes=2021-04&nuevos=0&repetidos=2");
        String sent = "\"id\":\"" + form.get("id-DIF-01-01") + "\",\"indicator\":\"DIF-01-01\",\"orgUnit\":\"10005\","
                + "\"date\":\"2021-04-30\",\"quantity\":7";
        assertEquals(2, received().split(Pattern.quote(sent), -1).length - 1, "both batches name the same report");
        given().auth().oauth2(TOKEN).get(second.header("Location").replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .body(containsString("Se registraron 0 reportes nuevos. 2 ya estaban registrados y no se contaron de nuevo."));
    }

    @Test
    void theApisRefusalIsShownBesideItsCellAndTheFormKeepsWhatWasWritten() {
        Map<String, String> form = form("2021-05");
        form.put("cantidad-DIF-01-01", "3");
        form.put("cantidad-DIF-01-02", "-4");
        post("/operador/reporte", form).then().statusCode(422)
                .body(containsString("Nada se guardó. 1 de los reportes no es válido; no se guardó ninguno."))
                .body(containsString("<span class=\"cell-error\" id=\"error-DIF-01-02\">La cantidad no puede ser negativa.</span>"))
                .body(containsString("aria-describedby=\"esperado-DIF-01-02 error-DIF-01-02\""))
                .body(containsString("value=\"-4\""))
                .body(containsString("value=\"" + form.get("id-DIF-01-02") + "\""))
                .body(not(containsString("id=\"error-DIF-01-01\"")));
    }

    @Test
    void aCellThatIsNotANumberIsRefusedBeforeAnythingIsSent() {
        Map<String, String> form = form("2021-06");
        form.put("cantidad-DIF-02-01", "1,200");
        String before = received();
        post("/operador/reporte", form).then().statusCode(422)
                .body(containsString("id=\"error-DIF-02-01\">Escriba una cantidad con números, sin separador de miles"));
        assertEquals(before.split("POST /api/v1/activities", -1).length, received().split("POST /api/v1/activities", -1).length);
    }

    @Test
    void theMonthIsSubmittedOnceAndASecondSubmissionShowsTheApisReason() {
        Response first = given().auth().oauth2(TOKEN).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("mes", "2021-07").post("/operador/envio");
        assertEquals(303, first.statusCode());
        given().auth().oauth2(TOKEN).get("/operador/reporte?mes=2021-07&envio=1").then().statusCode(200)
                .body(containsString("Envió julio de 2021 para revisión del estado."))
                .body(containsString("Enviado, en revisión del estado"));
        given().auth().oauth2(TOKEN).contentType("application/x-www-form-urlencoded").formParam("mes", "2021-07")
                .post("/operador/envio").then().statusCode(409)
                .body(containsString("El mes no se envió. El mes 2021-07 ya fue enviado y está en revisión."));
    }

    @Test
    void aMonthThatIsNotOneOrHasNotBegunIsASpanishMessage() {
        given().auth().oauth2(TOKEN).get("/operador/reporte?mes=2021-13").then().statusCode(400)
                .body(containsString("El mes 2021-13 no existe"));
        given().auth().oauth2(TOKEN).get("/operador/reporte?mes=2999-01").then().statusCode(400)
                .body(containsString("todavía no empieza"));
        given().auth().oauth2(TOKEN).get("/operador/reporte?mes=marzo").then().statusCode(400)
                .body(containsString("El mes se escribe AAAA-MM"));
    }

    @Test
    void aTokenTheApiRefusesEndsOnTheSessionExpiredPage() {
        // what the gateway answers once the person's token expired or was revoked
        given().auth().oauth2(TestTokens.person(FakeApi.EXPIRED, "10005", "municipal-operator")).redirects().follow(false).get("/operador/reporte?mes=2021-03")
                .then().statusCode(303).header("Location", endsWith("/sesion-vencida"));
    }

    @Test
    void othersRolesCannotOpenTheOperatorsPages() {
        given().auth().oauth2(TestTokens.analyst("10")).get("/operador").then().statusCode(403)
                .body(allOf(containsString("Sin permiso"), not(containsString("Programa anual"))));
    }

    private static Map<String, String> form(String month) {
        String page = given().auth().oauth2(TOKEN).get("/operador/reporte?mes=" + month).then().statusCode(200).extract().asString();
        Map<String, String> form = new HashMap<>();
        form.put("mes", month);
        Matcher m = HIDDEN_ID.matcher(page);
        while (m.find()) {
            form.put(m.group(1), m.group(2));
        }
        assertEquals(4, form.size(), page);
        return form;
    }

    private static Response post(String path, Map<String, String> form) {
        return given().auth().oauth2(TOKEN).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(form).post(path);
    }

    private static String received() {
        return given().baseUri(ConfigProvider.getConfig().getValue("console.api-url", String.class))
                .get("/__received").asString();
    }

    private static void assertThat(String location, String query) {
        assertTrue(location != null && location.endsWith("/operador/reporte?" + query), location);
    }
}
