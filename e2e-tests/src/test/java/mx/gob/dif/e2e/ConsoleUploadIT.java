package mx.gob.dif.e2e;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static mx.gob.dif.e2e.Tokens.ADMIN;
import static mx.gob.dif.e2e.Tokens.OPERATOR;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, items 2 (upload) and 5, in a real browser: the Durango operator uploads a CSV of reports with one bad
 * row, sees the row's Spanish error next to it and nothing is stored (checked through the API); the corrected file
 * is accepted. The administrator's dry run of a plan workbook with a bad cell shows it by sheet, row and column and
 * saves nothing; a good workbook is checked and then saved on confirmation. Screenshots: target/screenshots/archivo-*.png.
 */
class ConsoleUploadIT {
    static final String HEADER = "id,indicador,clave_unidad,fecha,cantidad,nota\r\n";
    static final String PLAN_UNIT = "10012";
    /** The demo file names its year (2021), which wins over the one Api.demoPlan puts first. */
    static final int PLAN_YEAR = 2021;

    @BeforeAll
    static void plans() throws Exception {
        Api.useGateway();
        Tokens.as(ADMIN).contentType("application/json").body(Api.demoPlan("10005", 2021))
                .post("/api/v1/work-plans/import").then().statusCode(oneOf(200, 201));
        Tokens.as(ADMIN).contentType("application/json").body(Api.demoPlan(PLAN_UNIT, PLAN_YEAR))
                .post("/api/v1/work-plans/import").then().statusCode(oneOf(200, 201));
    }

    @Test
    void aBadRowIsShownBesideItsRowAndNothingIsStoredThenTheGoodFileIsAccepted() throws Exception {
        String good = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        Path bad = Files.createTempFile("reportes-", ".csv");
        Files.writeString(bad, HEADER + good + ",DIF-01-03,10005,2021-06-17,4,Ejemplo ficticio\r\n"
                + other + ",DIF-01-03,10005,2021-06-17,cuatro,\r\n", StandardCharsets.UTF_8);
        try (Browser browser = Browser.open()) {
            browser.signIn(OPERATOR);
            browser.go("/operador/archivo");
            browser.find(By.id("archivo")).sendKeys(bad.toString());
            browser.find(By.cssSelector("form[action='/operador/archivo'] button[type='submit']")).click();
            String row = browser.find(By.id("fila-3")).getText();
            assertTrue(row.contains("cantidad") && row.contains("'cuatro'"), row);
            assertTrue(browser.find(By.id("resultado")).getText().contains("no se registró ningún reporte"));
            browser.screenshot("archivo-fila-con-error");
            Tokens.as(OPERATOR).get("/api/v1/activities/" + good).then().statusCode(404);

            Files.writeString(bad, HEADER + good + ",DIF-01-03,10005,2021-06-17,4,Ejemplo ficticio\r\n"
                    + other + ",DIF-01-03,10005,2021-06-17,3,\r\n", StandardCharsets.UTF_8);
            browser.go("/operador/archivo");
            browser.find(By.id("archivo")).sendKeys(bad.toString());
            browser.find(By.cssSelector("form[action='/operador/archivo'] button[type='submit']")).click();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("resultado"), "2 reporte(s) registrado(s)"));
            browser.screenshot("archivo-aceptado");
        } finally {
            Files.deleteIfExists(bad);
        }
        Tokens.as(OPERATOR).get("/api/v1/activities/" + good).then().statusCode(200).body("quantity", equalTo(4));
        Tokens.as(OPERATOR).get("/api/v1/activities/" + other).then().statusCode(200).body("quantity", equalTo(3));
    }

    @Test
    void thePlanDryRunShowsErrorsBySheetRowAndColumnAndSavesOnlyOnConfirmation() throws Exception {
        String planId = Tokens.as(ADMIN).get("/api/v1/work-plans?orgUnit=" + PLAN_UNIT + "&fiscalYear=" + PLAN_YEAR)
                .then().statusCode(200).extract().path("items[0].id");
        byte[] workbook = Tokens.as(ADMIN).get("/api/v1/work-plans/" + planId + "?format=xlsx").then().statusCode(200)
                .extract().asByteArray();
        int revision = Tokens.as(ADMIN).get("/api/v1/work-plans/" + planId + "/revisions").then().statusCode(200)
                .extract().path("size()");
        Path good = Files.createTempFile("pat-", ".xlsx");
        Path bad = Files.createTempFile("pat-con-error-", ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Files.write(good, workbook);
            wb.getSheet("Metas").getRow(2).getCell(5).setCellValue("diez");
            wb.write(out);
            Files.write(bad, out.toByteArray());
        }
        try (Browser browser = Browser.open()) {
            browser.signIn(ADMIN);
            browser.go("/admin/plan");
            browser.find(By.id("archivo")).sendKeys(bad.toString());
            browser.find(By.cssSelector("form[action='/admin/plan'] button[type='submit']")).click();
            String error = browser.find(By.cssSelector("table.plan-errors tr[data-sheet='Metas'][data-row='3']")).getText();
            assertTrue(error.contains("meta") && error.contains("diez"), error);
            browser.screenshot("archivo-plan-prueba-con-errores");

            browser.go("/admin/plan");
            browser.find(By.id("archivo")).sendKeys(good.toString());
            browser.find(By.cssSelector("form[action='/admin/plan'] button[type='submit']")).click();
            assertTrue(browser.find(By.id("resumen")).getText().contains("Unidad " + PLAN_UNIT));
            browser.screenshot("archivo-plan-prueba-sin-errores");
            browser.find(By.cssSelector("form[action='/admin/plan/confirmacion'] button")).click();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("resultado"), "guardado"));
            browser.screenshot("archivo-plan-guardado");
        } finally {
            Files.deleteIfExists(good);
            Files.deleteIfExists(bad);
        }
        // the bad file stored nothing; the good one is the same plan, so no new revision either, and still there
        Tokens.as(ADMIN).get("/api/v1/work-plans/" + planId + "/revisions").then().statusCode(200).body("size()", equalTo(revision));
    }
}
