package mx.gob.dif.e2e;

import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import static mx.gob.dif.e2e.Tokens.ADMIN;
import static mx.gob.dif.e2e.Tokens.OPERATOR;
import static mx.gob.dif.e2e.Tokens.as;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The municipal operator's month in the console, in a real browser: signs in on Keycloak's page, sees every
 * program's traffic light, fills the monthly grid and sends it twice (a double click: counted once, checked
 * through the API), sees the API's refusal of a bad cell beside that cell, submits the month and signs out.
 * Screenshots of each screen: target/screenshots/operador-*.png. Uses the demo plan as 10005's plan of
 * {@value #YEAR}, a year no other end-to-end test reports in.
 */
class ConsoleOperatorIT {
    static final int YEAR = 2016;
    static final String UNIT = "10005";
    static final String MONTH = YEAR + "-03";
    static final String INDICATOR = "DIF-01-01";
    static final String OTHER = "DIF-01-02";

    @BeforeAll
    static void plan() throws Exception {
        Api.useGateway();
        as(ADMIN).contentType("application/json").body(Api.demoPlan(UNIT, YEAR)).post("/api/v1/work-plans/import")
                .then().statusCode(oneOf(200, 201));
    }

    @Test
    void theOperatorReportsTheMonthOnceAndSubmitsIt() {
        BigDecimal before = monthValue();
        int reportsBefore = monthReports();
        try (Browser browser = Browser.open()) {
            browser.signIn(OPERATOR);
            assertEquals(browser.consoleUrl("/operador"), browser.driver().getCurrentUrl());

            // the plan: every program of the plan with its traffic lights
            browser.go("/operador?anio=" + YEAR);
            browser.find(By.cssSelector("#programas tbody tr"));
            assertEquals(19, browser.driver().findElements(By.cssSelector("#programas tbody tr")).size());
            assertTrue(browser.find(By.id("semaforo")).isDisplayed());
            assertFalse(browser.driver().findElements(By.cssSelector("#programas .light-RED, #programas .light-GREEN")).isEmpty());
            browser.screenshot("operador-plan");

            // the month's grid, reached from the plan page by keyboard-followable links
            browser.find(By.linkText("marzo de " + YEAR)).click();
            WebElement cell = browser.find(By.id("cantidad-" + INDICATOR));
            assertEquals("Cantidad de " + INDICATOR + " en marzo de " + YEAR,
                    browser.driver().findElement(By.cssSelector("label[for='cantidad-" + INDICATOR + "']")).getAttribute("textContent").trim());
            assertFalse(browser.driver().findElement(By.id("esperado-" + INDICATOR)).getText().isBlank());
            browser.screenshot("operador-reporte");

            // a bad cell: the API refuses the batch, the reason is shown beside the cell and nothing is stored
            browser.find(By.id("cantidad-" + OTHER)).sendKeys("-5");
            browser.find(By.id("enviar-reportes")).click();
            WebElement error = browser.find(By.id("error-" + OTHER));
            assertFalse(error.getText().isBlank());
            assertEquals("true", browser.driver().findElement(By.id("cantidad-" + OTHER)).getAttribute("aria-invalid"));
            assertTrue(browser.find(By.id("aviso")).getText().startsWith("Nada se guardó."));
            browser.screenshot("operador-reporte-error");

            // the fix, then a double click on "Enviar reportes": two identical submissions of one form
            WebElement other = browser.find(By.id("cantidad-" + OTHER));
            other.clear();
            browser.find(By.id("cantidad-" + INDICATOR)).sendKeys("7");
            new Actions(browser.driver()).doubleClick(browser.find(By.id("enviar-reportes"))).perform();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("aviso"), "reporte"));
            browser.screenshot("operador-reporte-enviado");

            // counted once: a later report of the same indicator and unit (same Kafka partition, so applied after any
            // duplicate would have been) brings the month to before + 7 + 1, and the month has exactly that many reports
            as(OPERATOR).contentType("application/json")
                    .body(Api.report(UUID.randomUUID().toString(), INDICATOR, UNIT, MONTH + "-20", "1"))
                    .post("/api/v1/activities").then().statusCode(202);
            Response after = Api.awaitIndicator(INDICATOR, UNIT, MONTH,
                    v -> v.compareTo(before.add(BigDecimal.valueOf(8))) >= 0, Duration.ofMinutes(2));
            assertEquals(0, before.add(BigDecimal.valueOf(8)).compareTo(Api.value(after)), after.asString());
            assertEquals(reportsBefore + 2, monthReports(), "one report of the grid plus the later one");

            // the phone: the grid scrolls inside its frame, the page itself does not overflow
            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.go("/operador/reporte?mes=" + MONTH);
            browser.find(By.id("cantidad-" + INDICATOR));
            Object overflow = browser.driver().executeScript("return document.documentElement.scrollWidth > window.innerWidth;");
            assertEquals(Boolean.FALSE, overflow);
            browser.screenshot("operador-reporte-telefono");
            browser.driver().manage().window().setSize(new Dimension(1366, 768));

            // the month's submission, shown with its status
            browser.go("/operador/reporte?mes=" + MONTH);
            browser.find(By.id("enviar-mes")).click();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("estado-mes"), "Enviado"));
            browser.screenshot("operador-mes-enviado");
            as(OPERATOR).get("/api/v1/reporting/" + UNIT + "/" + MONTH + "/submission").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"));

            browser.find(By.linkText("Cerrar sesión")).click();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Sesión cerrada"));
            browser.screenshot("sesion-cerrada");
        }
    }

    private static BigDecimal monthValue() {
        BigDecimal v = Api.value(Api.indicator(INDICATOR, UNIT, MONTH));
        return v == null ? BigDecimal.ZERO : v;
    }

    /** How many reports the indicator has in the month (its single-indicator query lists months with their count). */
    private static int monthReports() {
        Response r = Api.indicator(INDICATOR, UNIT, MONTH);
        Integer reports = r.jsonPath().get("months.find { it.month == 3 }.reports");
        return reports == null ? 0 : reports;
    }
}
