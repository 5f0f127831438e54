package mx.gob.dif.programs.activity;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import org.apache.kafka.common.TopicPartition;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static mx.gob.dif.programs.activity.ActivityTopic.appendedSince;
import static mx.gob.dif.programs.activity.ActivityTopic.endOffsets;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Activity reports sent as CSV and XLSX files against the real PostgreSQL and Kafka: the JSON path's
 * validation, all-or-nothing and resend rules, with errors named by row and column, and the template
 * that uploads back as it was downloaded. "Nothing stored" is checked on the topic and in the ledger.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class ActivityFileApiTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String HEADER = "id,indicador,clave_unidad,fecha,cantidad,nota\r\n";
    private static boolean planned;

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void plan() throws Exception {
        if (planned) {
            return;
        }
        ActivityApiTest.importMunicipalPlan();
        planned = true;
    }

    @Test
    void aCsvIsAcceptedAndCountedOnceWhenSentAgain() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String csv = HEADER + a + ",DIF-01-03,10005,2021-04-02,12,Taller ficticio\r\n"
                + b + ",DIF-01-01,10005,2021-04-03,3.5,\r\n";
        Map<TopicPartition, Long> before = endOffsets();
        csv(csv).then().statusCode(202).body("accepted", equalTo(2)).body("alreadyKnown", equalTo(0)).body("ids", equalTo(List.of(a, b)));
        assertEquals(2, appendedSince(before).size());

        long rows = ledgerRows();
        before = endOffsets();
        csv(csv).then().statusCode(202).body("accepted", equalTo(0)).body("alreadyKnown", equalTo(2));
        assertEquals(List.of(), appendedSince(before), "a resent file publishes nothing");
        assertEquals(rows, ledgerRows());
        operator().get("/api/v1/activities/" + b).then().statusCode(200).body("quantity", equalTo(3.5f))
                .body("indicator", equalTo("DIF-01-01"));
    }

    @Test
    void anXlsxIsAcceptedWithColumnsInAnyOrderAndCountedOnceWhenSentAgain() throws Exception {
        String a = UUID.randomUUID().toString();
        byte[] file = xlsx(List.of(
                List.of("cantidad", "fecha", "Indicador", "clave_unidad", "id"),
                List.of(7, "2021-04-05", "DIF-01-03", 10005, a),
                List.of(),
                List.of(2.25, "2021-04-06", "DIF-01-03", "10005", "")));
        Map<TopicPartition, Long> before = endOffsets();
        List<String> ids = xlsx(file).then().statusCode(202).body("accepted", equalTo(2)).body("ids", hasSize(2)).extract().path("ids");
        assertEquals(a, ids.get(0));
        assertEquals(2, appendedSince(before).size());
        operator().get("/api/v1/activities/" + ids.get(1)).then().statusCode(200).body("quantity", equalTo(2.25f))
                .body("date", equalTo("2021-04-06"));

        byte[] again = xlsx(List.of(List.of("id", "indicador", "clave_unidad", "fecha", "cantidad"),
                List.of(a, "DIF-01-03", "10005", "2021-04-05", 7)));
        before = endOffsets();
        xlsx(again).then().statusCode(202).body("accepted", equalTo(0)).body("alreadyKnown", equalTo(1));
        assertEquals(List.of(), appendedSince(before));
    }

    @Test
    void aBadRowIsNamedByRowAndColumnAndNothingIsStored() throws Exception {
        String good = UUID.randomUUID().toString();
        String csv = HEADER + good + ",DIF-01-03,10005,2021-04-07,5,\r\n"
                + ",DIF-01-03,10005,2021-04-07,cinco,\r\n"
                + ",NO-EXISTE,10005,14/04/2021,1,\r\n";
        long rows = ledgerRows();
        Map<TopicPartition, Long> before = endOffsets();
        csv(csv).then().statusCode(422).contentType("application/problem+json")
                .body("detail", startsWith("2 de 3 fila(s) del archivo tienen errores; no se registró ningún reporte"))
                .body("errors", hasSize(2))
                .body("errors[0].row", equalTo(3)).body("errors[0].column", equalTo("cantidad"))
                .body("errors[0].message", containsString("'cinco'"))
                .body("errors[1].row", equalTo(4)).body("errors[1].column", equalTo("fecha"))
                .body("errors[1].message", containsString("AAAA-MM-DD"));
        assertEquals(List.of(), appendedSince(before), "nothing published");
        assertEquals(rows, ledgerRows(), "nothing in the ledger");
        operator().get("/api/v1/activities/" + good).then().statusCode(404);

        byte[] file = xlsx(List.of(List.of("indicador", "clave_unidad", "fecha", "cantidad"),
                List.of("DIF-01-03", "10005", "2021-04-08", 1),
                List.of("NO-EXISTE", "10005", "2021-04-08", 1)));
        xlsx(file).then().statusCode(422).body("errors", hasSize(1))
                .body("errors[0].row", equalTo(3)).body("errors[0].column", equalTo("indicador"))
                .body("errors[0].message", containsString("'NO-EXISTE' no existe"));
        assertEquals(List.of(), appendedSince(before));
        assertEquals(rows, ledgerRows());
    }

    @Test
    void aUnitOutOfTheOperatorsReachIsARowError() {
        csv(HEADER + ",DIF-01-03,10001,2021-04-09,1,\r\n").then().statusCode(422)
                .body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("clave_unidad"))
                .body("errors[0].message", containsString("no puede reportar"));
    }

    @Test
    void theTemplateUploadsBackAsDownloaded() throws Exception {
        String csv = operator().get("/api/v1/activities/template?format=csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("plantilla-reportes.csv"))
                .extract().asString();
        assertTrue(csv.startsWith(HEADER), csv);
        assertTrue(csv.contains("FICTICIO"), "the example says it is fictitious");
        String id = csv(csv).then().statusCode(202).extract().path("ids[0]");

        byte[] xlsx = operator().accept(XLSX).get("/api/v1/activities/template").then().statusCode(200).contentType(XLSX)
                .extract().asByteArray();
        Map<TopicPartition, Long> before = endOffsets();
        xlsx(xlsx).then().statusCode(202).body("ids", equalTo(List.of(id))).body("accepted", equalTo(0)).body("alreadyKnown", equalTo(1));
        assertEquals(List.of(), appendedSince(before), "the same example in both templates: counted once");

        assertTrue(operator().accept("text/csv").get("/api/v1/activities/template").then().statusCode(200)
                .extract().asString().startsWith(HEADER));
        operator().get("/api/v1/activities/template?format=pdf").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void hostileFilesAreClearErrorsNeverA500() throws Exception {
        csv("").then().statusCode(400).contentType("application/problem+json").body("detail", containsString("vacío"));
        xlsx(new byte[0]).then().statusCode(400).body("detail", containsString("vacío"));
        csv(HEADER).then().statusCode(422).body("detail", containsString("no tiene reportes"));
        csv("id;indicador;clave_unidad;fecha;cantidad\r\n;DIF-01-03;10005;2021-04-10;1\r\n").then().statusCode(400)
                .body("detail", containsString("punto y coma"));
        byte[] garbage = new byte[4096];
        new java.util.Random(16).nextBytes(garbage);
        xlsx(garbage).then().statusCode(400).body("detail", containsString("XLSX válida"));
        csvBytes(garbage).then().statusCode(oneOf(400, 422)).contentType("application/problem+json");
        csvBytes(xlsx(List.of(List.of("id")))).then().statusCode(400).body("detail", containsString("XLSX"));
        csv(HEADER.replace("nota", "nota,color") + ",DIF-01-03,10005,2021-04-10,1,,rojo\r\n").then().statusCode(422)
                .body("errors[0].row", equalTo(1)).body("errors[0].message", containsString("Columna desconocida 'color'"));
        csv(HEADER + ",DIF-01-03,10005,2021-04-10,1," + "x".repeat(2001) + "\r\n").then().statusCode(422)
                .body("errors[0].row", equalTo(2)).body("errors[0].column", equalTo("nota"))
                .body("errors[0].message", containsString("2001 caracteres"));
        csv(HEADER + ",DIF-01-03,10005,2021-04-10,\"1,\r\n").then().statusCode(400).body("detail", containsString("comillas"));

        String rows = (",DIF-01-03,10005,2021-04-10,1,\r\n").repeat(ActivityService.MAX_BATCH + 1);
        csv(HEADER + rows).then().statusCode(413).body("detail", containsString("máximo por archivo es " + ActivityService.MAX_BATCH));
    }

    @Test
    void aBomAndWindowsEncodingAreRead() throws Exception {
        String id = UUID.randomUUID().toString();
        csvBytes(("\uFEFF" + HEADER + id + ",DIF-01-03,10005,2021-04-11,1,Sesión ficticia\r\n").getBytes(StandardCharsets.UTF_8))
                .then().statusCode(202).body("accepted", equalTo(1));
        operator().get("/api/v1/activities/" + id).then().statusCode(200).body("note", equalTo("Sesión ficticia"));
        String other = UUID.randomUUID().toString();
        csvBytes((HEADER + other + ",DIF-01-03,10005,2021-04-11,1,Atención ficticia\r\n").getBytes("windows-1252"))
                .then().statusCode(202).body("accepted", equalTo(1));
        operator().get("/api/v1/activities/" + other).then().statusCode(200).body("note", equalTo("Atención ficticia"));
    }

    @Test
    void formulasAreReadAsTheirCalculatedValueAndNeverEvaluated() throws Exception {
        String id = UUID.randomUUID().toString();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Reportes");
            row(s, 0, List.of("id", "indicador", "clave_unidad", "fecha", "cantidad"));
            row(s, 1, List.of(id, "DIF-01-03", "10005", "2021-04-12", 0));
            s.getRow(1).getCell(4).setCellFormula("2*3");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll(); // what a spreadsheet stores on save
            row(s, 2, List.of("", "DIF-01-03", "10005", "2021-04-12"));
            s.getRow(2).createCell(4).setCellFormula("HYPERLINK(\"http://ejemplo.invalid\",1)"); // never calculated
            wb.write(out);
            xlsx(out.toByteArray()).then().statusCode(422).body("errors", hasSize(1))
                    .body("errors[0].row", equalTo(3)).body("errors[0].column", equalTo("cantidad"))
                    .body("errors[0].message", containsString("fórmula sin valor calculado"));
            s.removeRow(s.getRow(2));
            ByteArrayOutputStream fixed = new ByteArrayOutputStream();
            wb.write(fixed);
            xlsx(fixed.toByteArray()).then().statusCode(202).body("accepted", equalTo(1));
        }
        operator().get("/api/v1/activities/" + id).then().statusCode(200).body("quantity", equalTo(6));
    }

    private static io.restassured.response.Response csv(String body) {
        return csvBytes(body.getBytes(StandardCharsets.UTF_8));
    }

    private static io.restassured.response.Response csvBytes(byte[] body) {
        return operator().contentType("text/csv").body(body).post("/api/v1/activities");
    }

    private static io.restassured.response.Response xlsx(byte[] body) {
        return operator().contentType(XLSX).body(body).post("/api/v1/activities");
    }

    /** A workbook with one sheet "Reportes"; numbers become numeric cells, everything else text. */
    private static byte[] xlsx(List<List<?>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Reportes");
            for (int r = 0; r < rows.size(); r++) {
                row(s, r, rows.get(r));
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void row(Sheet s, int r, List<?> cells) {
        Row row = s.createRow(r);
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c) instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else {
                row.createCell(c).setCellValue(cells.get(c).toString());
            }
        }
    }

    private long ledgerRows() throws Exception {
        return ActivityApiTest.ledgerRows(ds);
    }

    /** The operator of the demo municipality: reports for 10005 only. */
    private static RequestSpecification operator() {
        return RestAssured.given().auth().oauth2(TestTokens.operator("10005"));
    }
}
