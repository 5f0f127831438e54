package mx.gob.dif.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static mx.gob.dif.e2e.Tokens.CASE_WORKER;
import static mx.gob.dif.e2e.Tokens.DIRECTOR;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, item 4, in a real browser: the case worker signs in through Keycloak's page, sees today's tasks (an
 * overdue follow-up report of a case of her unit), opens the case's history and downloads its referral letter; the
 * director approves a referral without consent from the approvals page, and the API shows it approved. The people
 * are fictitious and created through the API with the real tokens. Screenshots: target/screenshots/casos-*.png.
 */
class ConsoleCasesIT {
    static final String UNIT = "10005";
    private static String folio;
    private static String caseId;
    private static String approvalId;

    @BeforeAll
    static void casesOfTheUnit() {
        Api.useGateway();
        Api.importAgencies();
        String person = as(CASE_WORKER).body(Map.of("orgUnit", UNIT, "firstName", "Persona", "lastName", "Ficticia Consola",
                "municipality", UNIT, "confirmNotDuplicate", true)).post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");

        // a case with a letter issued and a follow-up report already overdue
        caseId = intake(person, "Apoyo de prueba para la consola");
        as(CASE_WORKER).body(Map.of("givenBy", "BENEFICIARY")).post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201);
        String referral = as(CASE_WORKER).body(Map.of("agencyId", "SALUD-DGO", "request", "Valoración de prueba"))
                .post("/api/v1/cases/" + caseId + "/referrals").then().statusCode(201).extract().path("id");
        as(DIRECTOR).post("/api/v1/referrals/" + referral + "/letter").then().statusCode(200);
        as(DIRECTOR).body(Map.of("office", "Oficina ficticia de prueba", "requestedOn", LocalDate.now().minusDays(40).toString(),
                "dueInDays", 10)).post("/api/v1/cases/" + caseId + "/follow-up-requests").then().statusCode(201);
        folio = Tokens.as(CASE_WORKER).get("/api/v1/cases/" + caseId).then().statusCode(200).extract().path("case.folio");

        // a referral without consent: it waits for the director's approval
        String other = intake(person, "Otro apoyo de prueba para la consola");
        as(CASE_WORKER).body(Map.of("agencyId", "SEED-DGO", "request", "Beca de prueba",
                        "consentOverrideReason", "Motivo ficticio de prueba"))
                .post("/api/v1/cases/" + other + "/referrals").then().statusCode(201);
        approvalId = Tokens.as(DIRECTOR).get("/api/v1/approvals?orgUnit=" + UNIT + "&status=REQUESTED").then().statusCode(200)
                .extract().path("items.find { it.caseId == '" + other + "' }.id");
    }

    @Test
    void theCaseWorkerSeesTodaysTasksTheHistoryAndTheLetterAndTheDirectorApproves() {
        try (Browser browser = Browser.open()) {
            browser.signIn(CASE_WORKER);
            assertEquals(browser.consoleUrl("/casos"), browser.driver().getCurrentUrl());
            WebElement task = browser.find(By.linkText(folio));
            assertTrue(browser.find(By.id("vencidas")).getText().startsWith("Vencidas"));
            browser.screenshot("casos-tareas");

            task.click();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), folio));
            String history = browser.find(By.cssSelector("table.history")).getText();
            assertTrue(history.contains("En revisión") && history.contains(CASE_WORKER), history);
            browser.screenshot("casos-historial");

            String href = browser.find(By.cssSelector("a.letter")).getAttribute("href");
            byte[] pdf = RestAssured.given().cookies(cookies(browser)).redirects().follow(false).get(href)
                    .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
            assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

            browser.go("/casos/lista");
            assertTrue(browser.find(By.cssSelector("table.cases")).getText().contains(folio));
            browser.screenshot("casos-lista");
        }
        try (Browser browser = Browser.open()) {
            browser.signIn(DIRECTOR);
            browser.go("/casos/aprobaciones");
            WebElement form = browser.find(By.cssSelector("form[action='/casos/aprobaciones/" + approvalId + "']"));
            browser.screenshot("casos-aprobaciones");
            form.findElement(By.cssSelector("input[name='comment']")).sendKeys("Procede (prueba)");
            form.findElement(By.cssSelector("button[value='APPROVED']")).click();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.ok"), "Solicitud aprobada"));
            browser.screenshot("casos-aprobada");
        }
        Tokens.as(DIRECTOR).get("/api/v1/approvals/" + approvalId).then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    private static String intake(String beneficiary, String request) {
        String id = as(CASE_WORKER).body(Map.of("orgUnit", UNIT, "beneficiaryId", beneficiary, "origin", "WALK_IN",
                "category", "HEALTH", "request", request, "assignedWorker", CASE_WORKER)).post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
        as(CASE_WORKER).body(Map.of("to", "UNDER_REVIEW")).post("/api/v1/cases/" + id + "/transitions").then().statusCode(200);
        return id;
    }

    /** The browser's session cookies, to fetch a download the way the browser would. */
    static Map<String, String> cookies(Browser browser) {
        return browser.driver().manage().getCookies().stream().collect(Collectors.toMap(Cookie::getName, Cookie::getValue));
    }

    private static RequestSpecification as(String user) {
        return Tokens.as(user).contentType(ContentType.JSON);
    }
}
