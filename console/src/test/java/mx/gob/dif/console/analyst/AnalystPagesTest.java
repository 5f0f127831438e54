package mx.gob.dif.console.analyst;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.console.ConsoleTestResource;
import mx.gob.dif.console.FakeApi;
import mx.gob.dif.console.StateApi;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state analyst's pages against the API's answers ({@link StateApi} in {@link FakeApi}, the API.md shapes): what each page shows,
 * the breakdown's order by the chosen column, the closing report passed on as a file, and the Spanish page for a
 * choice that is not offered. Every call to the API carries the person's own token.
 */
@QuarkusTest
@QuarkusTestResource(FakeApi.class)
@QuarkusTestResource(value = ConsoleTestResource.class, restrictToAnnotatedClass = false)
class AnalystPagesTest {
    private static final String ANALYST = TestTokens.analyst("10");

    private static Response page(String path) {
        return given().auth().oauth2(ANALYST).when().get(path);
    }

    @Test
    void theYearsDashboardShowsEachProgramWithTheLightOfItsMostDelayedIndicator() {
        String html = page("/analista?anio=2021").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertTrue(html.contains("Programas de DIF Estatal Durango: Año completo de 2021"), html);
        // P-01: GREEN and RED indicators -> RED; P-02: YELLOW; the global indicator is the API's, not recomputed
        assertTrue(html.matches("(?s).*id=\"programa-P-01\".*light-RED\">Rojo</span>.*67\\.5 %.*id=\"programa-P-02\".*"), html);
        assertTrue(html.matches("(?s).*id=\"programa-P-02\".*light-YELLOW\">Amarillo</span>.*80 %.*"), html);
        assertTrue(html.contains("data-live-indicators=\"P-01-01 P-01-02 P-02-01\""), "the live region names the indicators it shows");
        assertTrue(html.contains("Verde: 0") && html.contains("Amarillo: 1") && html.contains("Rojo: 1"), "the tally of lights");
        assertTrue(received().contains("GET /api/v1/reports/closing?orgUnit=10&fiscalYear=2021 auth=Bearer " + ANALYST + " "),
                "the API was called with the person's token");
    }

    @Test
    void aYearWithoutAPlanSaysSoInTheApisWordsAndOffersOtherYears() {
        String html = page("/analista?anio=2030").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<p class=\"notice\">No hay plan 2030 que aplique a la unidad 10.</p>"), html);
        assertTrue(html.contains("name=\"anio\"") && !html.contains("class=\"card program\""), html);
    }

    @Test
    void aQuarterAsksEveryProgramsProgressForThatQuarter() {
        String html = page("/analista?anio=2021&periodo=Q1").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Trimestre 1 de 2021"), html);
        assertTrue(html.matches("(?s).*id=\"programa-P-01\".*light-YELLOW\">Amarillo</span>.*20 %.*id=\"programa-P-02\".*light-GREEN\">Verde</span>.*30 %.*"),
                html);
        assertTrue(html.contains("<option value=\"Q1\" selected>Trimestre 1</option>"), "the chosen period stays selected");
        assertTrue(received().contains("GET /api/v1/programs/P-02/progress?orgUnit=10&period=2021-Q1 auth=Bearer " + ANALYST + " "));
    }

    @Test
    void theBreakdownSortsByTheChosenColumnBothWaysWithUnitsWithoutAValueLast() {
        assertEquals(List.of("10005", "10007", "10012", "10039"), units(page("/analista/indicadores/P-01-01?anio=2021&periodo=Q1")));
        assertEquals(List.of("10012", "10007", "10005", "10039"), units(page("/analista/indicadores/P-01-01?anio=2021&periodo=Q1&orden=avance&dir=asc")));
        assertEquals(List.of("10005", "10007", "10012", "10039"), units(page("/analista/indicadores/P-01-01?anio=2021&periodo=Q1&orden=avance&dir=desc")));
        assertEquals(List.of("10039", "10012", "10007", "10005"), units(page("/analista/indicadores/P-01-01?anio=2021&orden=unidad&dir=desc")));
        assertEquals(List.of("10005", "10007", "10012", "10039"), units(page("/analista/indicadores/P-01-01?anio=2021&orden=meta&dir=desc")));
    }

    @Test
    void theBreakdownsHeadingsAreLinksThatSortAndSayTheOrder() {
        String html = page("/analista/indicadores/P-01-01?anio=2021&periodo=Q1&orden=valor&dir=asc").then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("aria-sort=\"ascending\""), "the sorted column says so");
        assertTrue(html.contains("href=\"/analista/indicadores/P-01-01?anio=2021&amp;periodo=Q1&amp;orden=valor&amp;dir=desc\""),
                "the sorted column's link sorts the other way, keeping the period");
        assertTrue(html.contains("<svg"), "the chart is drawn on the server");
        assertTrue(html.contains("<title>Durango: 30</title>"), "each bar names its unit and value");
        assertTrue(html.contains("Total de la unidad 10: <strong data-total>35</strong>"), html);
    }

    @Test
    void theTrendHasTwelveMonthsWithTheMonthsWithoutReportsAtZero() {
        String page = page("/analista/indicadores/P-01-01?anio=2021").then().statusCode(200).extract().asString();
        String html = page.substring(page.indexOf("id=\"tendencia\""));
        Matcher rows = Pattern.compile("<tr><th scope=\"row\">([^<]+)</th><td class=\"num\">([^<]+)</td>").matcher(html);
        StringBuilder months = new StringBuilder();
        int count = 0;
        while (rows.find()) {
            months.append(rows.group(1)).append('=').append(rows.group(2)).append(';');
            count++;
        }
        assertEquals(12, count, html);
        assertTrue(months.toString().startsWith("enero de 2021=10;febrero de 2021=0;marzo de 2021=7;abril de 2021=0;"), months.toString());
        assertEquals(12, Pattern.compile("<g class=\"bar bar-plain\">").matcher(html).results().count(), "twelve bars");
    }

    @Test
    void completenessListsTheUnitsThatStillMissReportsAndNotThoseWithNothingDue() {
        String html = page("/analista/completitud?mes=2021-03").then().statusCode(200).extract().asString();
        assertTrue(html.contains("Reportes de Marzo de 2021"), html);
        String missing = html.substring(html.indexOf("<ul class=\"missing\""), html.indexOf("</ul>", html.indexOf("<ul class=\"missing\"")));
        assertTrue(missing.contains("Gómez Palacio") && missing.contains("faltan 1 de 2"), missing);
        assertTrue(missing.contains("Lerdo") && missing.contains("faltan 2 de 2"), missing);
        assertTrue(!missing.contains("Durango") && !missing.contains("Vicente Guerrero"), missing);
        assertTrue(html.contains("Aceptado por el estado") && html.contains("Sin enviar"), "submission states in Spanish");
    }

    @Test
    void theClosingReportIsPassedOnAsACsvOrXlsxDownload() {
        given().auth().oauth2(ANALYST).when().get("/analista/cierre?anio=2021&formato=csv")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"cierre-10-2021.csv\"")
                .body(org.hamcrest.Matchers.equalTo(StateApi.CSV));
        assertEquals("text/csv", lastAccept("/api/v1/reports/closing"));

        byte[] xlsx = given().auth().oauth2(ANALYST).when().get("/analista/cierre?anio=2021&formato=xlsx")
                .then().statusCode(200).contentType(containsString("spreadsheetml"))
                .header("Content-Disposition", "attachment; filename=\"cierre-10-2021.xlsx\"")
                .extract().asByteArray();
        assertArrayEquals(StateApi.XLSX, xlsx);
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", lastAccept("/api/v1/reports/closing"),
                "one type only: the API picks the format by it");
    }

    @Test
    void aChoiceThatIsNotOfferedIsASpanishPageThatSaysWhatToChoose() {
        for (String[] c : new String[][]{
                {"/analista?anio=21", "cuatro cifras"},
                {"/analista?anio=2021&periodo=Q5", "Elija el periodo de la lista"},
                {"/analista/indicadores/P-01-01?orden=nombre", "Ordene por una de las columnas"},
                {"/analista/indicadores/" + "X".repeat(41), "hasta 40 caracteres"},
                {"/analista/indicadores/P-01-01%3Cscript%3E", "Indique la clave del indicador"},
                {"/analista/completitud?mes=2021-13", "p. ej. 2021-03"},
                {"/analista/cierre?anio=2021&formato=pdf", "csv o xlsx"}}) {
            page(c[0]).then().statusCode(400).contentType(containsString("text/html"))
                    .body(containsString(c[1])).body(not(containsString("Exception")));
        }
    }

    @Test
    void otherRolesDoNotOpenTheAnalystsPages() {
        given().auth().oauth2(TestTokens.operator("10005")).when().get("/analista?anio=2021")
                .then().statusCode(403).body(containsString("Sin permiso"));
    }

    /** What the fake API was sent: one line per request, with its Authorization and Accept headers. */
    private static String received() {
        return given().baseUri(ConfigProvider.getConfig().getValue("console.api-url", String.class)).get("/__received").asString();
    }

    /** The Accept header of the last request to {@code path}. */
    private static String lastAccept(String path) {
        List<String> lines = received().lines().filter(l -> l.startsWith("GET " + path + "?")).toList();
        String last = lines.get(lines.size() - 1);
        return last.substring(last.lastIndexOf(" accept=") + " accept=".length());
    }

    /** The breakdown table's units, top to bottom. */
    private static List<String> units(Response r) {
        String html = r.then().statusCode(200).extract().asString();
        String table = html.substring(html.indexOf("id=\"tabla-desglose\""));
        return Pattern.compile("<tr data-unit=\"(\\d+)\">").matcher(table).results().map(m -> m.group(1)).toList();
    }
}
