package mx.gob.dif.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static mx.gob.dif.e2e.Tokens.ADMIN;
import static mx.gob.dif.e2e.Tokens.ANALYST;
import static mx.gob.dif.e2e.Tokens.OPERATOR;
import static mx.gob.dif.e2e.Tokens.OPERATOR_GOMEZ;
import static mx.gob.dif.e2e.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state analyst in a real browser (issue 16, item 3): signs in on Keycloak's page, sees the state's programs of
 * 2018 (a year of its own: Durango's and Gómez Palacio's plans, which this class imports; the state's view sums them),
 * sorts an indicator's breakdown by municipality from the keyboard, sees who has not reported March, downloads the
 * closing report as CSV and XLSX, and then watches the open dashboard take the report Durango's operator sends from
 * the console's monthly grid (another browser) without a reload.
 * The dashboard's first render and weight are measured in the browser (Navigation and Paint Timing): the weight is
 * asserted under 600 KB, the time only recorded (target/console-dashboard.txt). Screenshots: target/screenshots/analista-*.png.
 */
class ConsoleAnalystIT {
    private static final int YEAR = 2018;
    private static final long MAX_WEIGHT = 600 * 1024;
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @BeforeAll
    static void planAndReports() {
        Api.useGateway();
        for (String unit : List.of("10005", "10007")) {
            int status = as(ADMIN).contentType("application/json").body(plan(unit)).post("/api/v1/work-plans/import").statusCode();
            assertTrue(status == 201 || status == 200, "plan import " + unit + ": " + status);
        }
        post(OPERATOR, "[" + String.join(",",
                Api.report(null, "CA-01-01", "10005", "2018-01-15", "60"),
                Api.report(null, "CA-01-01", "10005", "2018-03-14", "40"),
                Api.report(null, "CA-01-02", "10005", "2018-03-14", "5"),
                Api.report(null, "CA-02-01", "10005", "2018-03-20", "30")) + "]");
        post(OPERATOR_GOMEZ, "[" + Api.report(null, "CA-01-01", "10007", "2018-03-03", "25") + "]");
        Api.awaitIndicator("CA-01-01", "10", "2018", v -> v.compareTo(new BigDecimal("125")) == 0, SETTLE).then().statusCode(200);
        Api.awaitIndicator("CA-02-01", "10", "2018", v -> v.compareTo(new BigDecimal("30")) == 0, SETTLE).then().statusCode(200);
    }

    /** The same two programs in a municipality's own 2018 plan. */
    private static String plan(String unit) {
        return """
                {"orgUnit":"%s","fiscalYear":2018,"unit":"SMDIF %s (consola, prueba)","programs":[
                 {"code":"CA-01","name":"Atención a familias (consola)","calendarMonths":["ENE","FEB","MAR","ABR","MAY","JUN","JUL","AGO","SEP","OCT","NOV","DIC"],
                  "actions":[{"code":"CA-01-01","description":"Visitas domiciliarias","targets":[{"indicatorCode":"CA-01-01","unit":"Visita","target":1200}]},
                             {"code":"CA-01-02","description":"Pláticas","targets":[{"indicatorCode":"CA-01-02","unit":"Plática","target":120}]}]},
                 {"code":"CA-02","name":"Desayunos escolares (consola)","calendarMonths":["ENE","FEB","MAR","ABR","MAY","JUN","JUL","AGO","SEP","OCT","NOV","DIC"],
                  "actions":[{"code":"CA-02-01","description":"Raciones","targets":[{"indicatorCode":"CA-02-01","unit":"Ración","target":600}]}]}]}"""
                .formatted(unit, unit);
    }

    private static void post(String who, String body) {
        as(who).contentType("application/json").body(body).post("/api/v1/activities").then().statusCode(202);
    }

    @Test
    void theAnalystSeesSortsDownloadsAndWatchesANewReportArriveWithoutAReload() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.signIn(ANALYST);
            measureDashboard(browser);
            dashboardShowsTheStatesPrograms(browser);
            breakdownSortsFromTheKeyboard(browser);
            completenessListsWhoHasNotReported(browser);
            closingReportDownloads(browser);
            dashboardTakesANewReportWithoutAReload(browser);
        }
    }

    /** First render (paint timing) and weight (document and its resources) of the dashboard with the state's data. */
    private static void measureDashboard(Browser browser) throws IOException {
        browser.go("/analista?anio=" + YEAR);
        browser.find(By.id("programa-CA-01"));
        browser.await(d -> (Boolean) browser.driver().executeScript("return document.readyState === 'complete'"));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) browser.driver().executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                const fcp = performance.getEntriesByType('paint').find(p => p.name === 'first-contentful-paint');
                // what each file weighs on the wire; a file served from the cache counts with its encoded size
                const size = e => Math.max(e.transferSize || 0, e.encodedBodySize || 0);
                // the open event stream (/live/indicators) has no size of its own: it grows while the page is open
                const files = performance.getEntriesByType('resource').filter(e => !e.name.includes('/live/'));
                return {fcp: fcp ? fcp.startTime : -1, domContentLoaded: nav.domContentLoadedEventEnd,
                        load: nav.loadEventEnd, responseEnd: nav.responseEnd,
                        weight: size(nav) + files.reduce((s, e) => s + size(e), 0), files: files.length + 1};""");
        long weight = ((Number) m.get("weight")).longValue();
        String line = String.format("dashboard %s: first contentful paint %.0f ms, DOMContentLoaded %.0f ms, load %.0f ms, "
                        + "document received %.0f ms, weight %d bytes in %s files%n", "/analista?anio=" + YEAR,
                num(m, "fcp"), num(m, "domContentLoaded"), num(m, "load"), num(m, "responseEnd"), weight, m.get("files"));
        System.out.print(line);
        Path out = Path.of("target", "console-dashboard.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line);
        assertTrue(weight > 0 && weight < MAX_WEIGHT, "the dashboard weighs " + weight + " bytes, over 600 KB");
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private static void dashboardShowsTheStatesPrograms(Browser browser) {
        WebElement ca01 = browser.find(By.id("programa-CA-01"));
        assertTrue(ca01.getText().contains("Atención a familias (consola)"), ca01.getText());
        assertTrue(browser.find(By.id("programa-CA-02")).getText().contains("Desayunos escolares (consola)"));
        // the state's value is the roll-up of Durango and Gómez Palacio: 60 + 40 + 25
        assertEquals("125", cell(browser, "CA-01-01"));
        assertEquals(1, ca01.findElements(By.cssSelector("h2 + p > .light")).size(), "one light for the program, beside its name");
        browser.screenshot("analista-tablero");
    }

    private static String cell(Browser browser, String indicator) {
        return browser.driver().findElement(By.cssSelector("td[data-value='" + indicator + "']")).getAttribute("textContent").trim();
    }

    private static void breakdownSortsFromTheKeyboard(Browser browser) {
        browser.go("/analista/indicadores/CA-01-01?anio=" + YEAR + "&periodo=Q1");
        browser.find(By.id("tabla-desglose"));
        assertEquals(40, units(browser).size(), "39 municipalities and the state's own reports");
        // "Valor" sorts ascending, then (the same heading again) descending; each time from the keyboard
        for (String expected : List.of("ascending", "descending")) {
            WebElement valor = browser.find(By.partialLinkText("Valor"));
            valor.sendKeys(Keys.ENTER);
            browser.await(ExpectedConditions.attributeToBe(By.xpath("//th[a[starts-with(normalize-space(.),'Valor')]]"), "aria-sort", expected));
        }
        List<String> top = units(browser).subList(0, 2);
        assertEquals(List.of("10005", "10007"), top, "Durango (100) before Gómez Palacio (25), the rest without reports after");
        browser.screenshot("analista-indicador");
    }

    private static List<String> units(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#tabla-desglose tbody tr")).stream()
                .map(tr -> tr.getAttribute("data-unit")).toList();
    }

    private static void completenessListsWhoHasNotReported(Browser browser) {
        browser.go("/analista/completitud?mes=2018-03");
        WebElement missing = browser.find(By.cssSelector("ul.missing"));
        List<String> units = missing.findElements(By.cssSelector("li")).stream().map(li -> li.getAttribute("data-unit")).toList();
        assertTrue(units.contains("10007"), "Gómez Palacio reported one of its three targets: " + units);
        assertTrue(!units.contains("10005"), "Durango reported all three: " + units);
        assertTrue(!units.contains("10012"), "nothing was due for Lerdo (no plan covers it): " + units);
        browser.screenshot("analista-completitud");
    }

    /** Both files through the console with the browser's own session, as the download links fetch them. */
    private static void closingReportDownloads(Browser browser) {
        for (String[] f : new String[][]{{"csv", "text/csv"}, {"xlsx", "spreadsheetml"}}) {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) browser.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/analista/cierre?anio=2018&formato=' + arguments[0]).then(async res => {
                      const bytes = new Uint8Array(await res.arrayBuffer());
                      done({status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'),
                            size: bytes.length, head: String.fromCharCode(bytes[0], bytes[1]),
                            text: arguments[0] === 'csv' ? new TextDecoder().decode(bytes) : ''});
                    }).catch(e => done({status: -1, type: String(e)}));""", f[0]);
            assertEquals(200L, ((Number) r.get("status")).longValue(), f[0] + ": " + r);
            assertTrue(String.valueOf(r.get("type")).contains(f[1]), f[0] + ": " + r);
            assertTrue(String.valueOf(r.get("disposition")).contains("attachment") && String.valueOf(r.get("disposition")).contains("." + f[0]),
                    f[0] + ": " + r);
            if (f[0].equals("csv")) {
                assertTrue(String.valueOf(r.get("text")).contains("CA-01-01"), "the CSV lists the targets: " + r.get("text"));
            } else {
                assertEquals("PK", r.get("head"), "an XLSX is a ZIP file");
            }
        }
        browser.go("/analista?anio=" + YEAR);
        assertTrue(browser.find(By.partialLinkText("(XLSX)")).getAttribute("href").endsWith("/analista/cierre?anio=2018&formato=xlsx"));
        assertTrue(browser.find(By.partialLinkText("(CSV)")).getAttribute("href").endsWith("/analista/cierre?anio=2018&formato=csv"));
    }

    private static void dashboardTakesANewReportWithoutAReload(Browser browser) {
        browser.go("/analista?anio=" + YEAR);
        browser.await(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "open"));
        browser.driver().executeScript("window.sinRecargar = 'misma página';");
        assertEquals("125", cell(browser, "CA-01-01"));

        // meanwhile Durango's operator reports 9 more visits of March on the console's monthly grid
        try (Browser operator = Browser.open()) {
            operator.signIn(OPERATOR);
            operator.go("/operador/reporte?mes=2018-03");
            operator.find(By.cssSelector("tr[data-indicator='CA-01-01'] input[type='text']")).sendKeys("9");
            operator.find(By.id("enviar-reportes")).click();
            operator.await(d -> d.getCurrentUrl().contains("nuevos=1"));
            operator.screenshot("analista-en-vivo-operador");
        }

        browser.await(d -> "134".equals(cell(browser, "CA-01-01")));
        assertEquals("misma página", browser.driver().executeScript("return window.sinRecargar;"), "the page was not reloaded");
        assertTrue(browser.find(By.id("estado-vivo")).getText().startsWith("Cifras actualizadas"), "the page says it was updated");
        browser.screenshot("analista-en-vivo");
    }
}
