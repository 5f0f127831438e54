package mx.gob.dif.cases.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonthlyReportTest {

    private static final String UNIT = "Sistema para el Desarrollo Integral de la Familia del Municipio de Durango";

    private static MonthlyReport march() {
        return new MonthlyReport(UNIT, YearMonth.of(2021, 3), List.of(
                new MonthlyReport.Row("CASO-2021-0003", LocalDate.of(2021, 3, 15), "Escuela (estrategia de rescate)",
                        "Deserción escolar", "Canalizado", "Instituto Municipal de la Juventud, \"Jóvenes\" A.C.",
                        "12 a 17 años", "Hombre", "Persona Ficticia Cinco"),
                new MonthlyReport.Row("CASO-2021-0001", LocalDate.of(2021, 3, 2), "Dirección de Asistencia Social",
                        "Ausentismo escolar", "Inscrito en programa", "DIF-01", "6 a 11 años", "Mujer",
                        "Persona Ficticia Cinco"),
                new MonthlyReport.Row("CASO-2021-0002", LocalDate.of(2021, 3, 2), "Dirección de Asistencia Social",
                        "Ausentismo escolar", "En revisión", null, "0 a 5 años", "Mujer", null),
                new MonthlyReport.Row("CASO-2021-0004", LocalDate.of(2021, 3, 20), "Despacho del C. Gobernador",
                        "Niñas y niños en situación de calle", "Canalizado", "=HYPERLINK(\"http://x\")",
                        "12 a 17 años", "Mujer", "Persona Ficticia Seis")));
    }

    @Test
    void totalsPerCategoryAndPerStatusAreCountedAndSortedInSpanish() {
        MonthlyReport report = march();

        assertEquals(Map.of("Ausentismo escolar", 2, "Deserción escolar", 1, "Niñas y niños en situación de calle", 1),
                report.totalsByCategory());
        assertEquals(List.of("Ausentismo escolar", "Deserción escolar", "Niñas y niños en situación de calle"),
                List.copyOf(report.totalsByCategory().keySet()));
        assertEquals(List.of("Canalizado", "En revisión", "Inscrito en programa"),
                List.copyOf(report.totalsByStatus().keySet()));
        assertEquals(2, report.totalsByStatus().get("Canalizado"));
        assertEquals(List.of("CASO-2021-0001", "CASO-2021-0002", "CASO-2021-0003", "CASO-2021-0004"),
                report.rows().stream().map(MonthlyReport.Row::caseFolio).toList());
    }

    @Test
    void csvHasBomSpanishHeaderCrlfAndRfc4180Quoting() {
        byte[] csv = march().toCsv();

        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n", -1);
        assertEquals(6, lines.length, text);
        assertEquals("", lines[5]);
        assertEquals("Folio del caso,Fecha de recepción,Origen,Categoría,Estatus,"
                + "Decisión (programa o dependencia),Grupo de edad,Sexo,Responsable", lines[0]);
        assertEquals("CASO-2021-0001,2021-03-02,Dirección de Asistencia Social,Ausentismo escolar,"
                + "Inscrito en programa,DIF-01,6 a 11 años,Mujer,Persona Ficticia Cinco", lines[1]);
        // absent decision and worker are empty fields, never "null"
        assertEquals("CASO-2021-0002,2021-03-02,Dirección de Asistencia Social,Ausentismo escolar,"
                + "En revisión,,0 a 5 años,Mujer,", lines[2]);
        // comma and quotes inside a field: quoted, inner quotes doubled
        assertEquals("CASO-2021-0003,2021-03-15,Escuela (estrategia de rescate),Deserción escolar,Canalizado,"
                + "\"Instituto Municipal de la Juventud, \"\"Jóvenes\"\" A.C.\",12 a 17 años,Hombre,"
                + "Persona Ficticia Cinco", lines[3]);
        // a value a spreadsheet would run as a formula is neutralised with a leading apostrophe
        assertTrue(lines[4].contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), lines[4]);
        assertFalse(text.contains("null"));
    }

    @Test
    void csvParsesBackToTheSameCells() throws Exception {
        List<Csv.Line> parsed = Csv.parse(new String(march().toCsv(), StandardCharsets.UTF_8));

        assertEquals(5, parsed.size());
        assertEquals(MonthlyReport.CSV_HEADER, parsed.get(0).cells());
        assertEquals("Instituto Municipal de la Juventud, \"Jóvenes\" A.C.", parsed.get(3).cells().get(5));
        assertEquals("=HYPERLINK(\"http://x\")", Csv.unguard(parsed.get(4).cells().get(5)));
    }

    @Test
    void everyTextCellThatASpreadsheetWouldRunGetsALeadingApostrophe() throws Exception {
        MonthlyReport report = new MonthlyReport(UNIT, YearMonth.of(2021, 3), List.of(new MonthlyReport.Row("CASO-2021-0009",
                LocalDate.of(2021, 3, 1), "=1+1", "Ausentismo escolar", "Canalizado", "+52 618", "-", "@SUMA(A1)",
                "=cmd|' /C calc'!A0")));

        List<Csv.Line> parsed = Csv.parse(new String(report.toCsv(), StandardCharsets.UTF_8));

        assertEquals(List.of("CASO-2021-0009", "2021-03-01", "'=1+1", "Ausentismo escolar", "Canalizado", "'+52 618", "'-",
                "'@SUMA(A1)", "'=cmd|' /C calc'!A0"), parsed.get(1).cells());
    }

    @Test
    void pdfHasTheTableTotalsAndNoPersonalData() {
        byte[] pdf = march().toPdf();
        String text = PdfText.flat(pdf);

        assertTrue(text.contains("INFORME MENSUAL"), text);
        assertTrue(text.contains(UNIT), text);
        assertTrue(text.contains("Casos atendidos o canalizados en marzo de 2021"), text);
        assertTrue(text.contains("Total de casos: 4"), text);
        assertTrue(text.contains("CASO-2021-0001 02/03/2021"), text);
        assertTrue(text.contains("DIF-01"), text);
        assertTrue(text.contains("Niñas y niños en situación de calle"), text);
        assertTrue(text.contains("Totales por categoría Categoría Casos Ausentismo escolar 2 Deserción escolar 1 "
                + "Niñas y niños en situación de calle 1 Total 4"), text);
        assertTrue(text.contains("Totales por estatus Estatus Casos Canalizado 2 En revisión 1 "
                + "Inscrito en programa 1 Total 4"), text);
        assertTrue(text.contains("Página 1 de"), text);
        assertFalse(text.contains("null"), text);
        assertFalse(text.contains("CURP:"), text);
    }

    @Test
    void emptyMonthStillProducesAReportWithZeroTotals() {
        MonthlyReport empty = new MonthlyReport(UNIT, YearMonth.of(2021, 2), List.of());

        String text = PdfText.flat(empty.toPdf());
        String csv = new String(empty.toCsv(), StandardCharsets.UTF_8);

        assertTrue(text.contains("Sin casos registrados en el mes."), text);
        assertTrue(text.contains("febrero de 2021"), text);
        assertTrue(text.contains("Total de casos: 0"), text);
        assertEquals(1, csv.split("\r\n").length);
    }

    @Test
    void largeMonthsSpanPagesWithTheHeaderRepeated() {
        List<MonthlyReport.Row> rows = java.util.stream.IntStream.rangeClosed(1, 120)
                .mapToObj(i -> new MonthlyReport.Row("CASO-2021-%04d".formatted(i), LocalDate.of(2021, 3, 1 + i % 28),
                        "Escuela", i % 3 == 0 ? "Deserción escolar" : "Ausentismo escolar", "Canalizado", "DIF-01",
                        "12 a 17 años", "Mujer", "Persona Ficticia Cinco"))
                .toList();
        MonthlyReport report = new MonthlyReport(UNIT, YearMonth.of(2021, 3), rows);

        byte[] pdf = report.toPdf();
        int pages = PdfText.pages(pdf);

        assertTrue(pages >= 3, "pages: " + pages);
        String text = PdfText.flat(pdf);
        assertEquals(pages, text.split("Folio Recepción Origen", -1).length - 1);
        assertTrue(text.contains("Ausentismo escolar 80 Deserción escolar 40 Total 120"), text);
    }
}
