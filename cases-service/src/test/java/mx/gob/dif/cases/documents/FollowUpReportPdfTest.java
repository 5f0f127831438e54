package mx.gob.dif.cases.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpReportPdfTest {

    private static FollowUpReport report(LocalDate issued, List<FollowUpReport.Entry> entries) {
        return new FollowUpReport("IS-10005-2021-0007", issued, "Durango, Dgo.",
                "Sistema para el Desarrollo Integral de la Familia del Municipio de Durango",
                "Despacho del C. Gobernador", "DG/0315/2021", LocalDate.of(2021, 4, 20),
                "CASO-10005-2021-0042", "Ausentismo escolar", "Canalizado: en atención", entries,
                "Persona Ficticia Cuatro", "Directora General");
    }

    @Test
    void reportAnswersThePetitionWithTheCaseHistoryInDateOrder() {
        List<FollowUpReport.Entry> unordered = List.of(
                new FollowUpReport.Entry(LocalDate.of(2021, 3, 20), "Canalizado al Hospital General mediante Solicitud de Gestión SG-10005-2021-0042."),
                new FollowUpReport.Entry(LocalDate.of(2021, 3, 2), "Solicitud recibida de la Dirección de Asistencia Social."),
                new FollowUpReport.Entry(LocalDate.of(2021, 3, 9), "Visita domiciliaria de la dupla psicosocial; datos verificados."),
                new FollowUpReport.Entry(LocalDate.of(2021, 4, 5), "El hospital otorgó exención del cobro de la consulta para la niña."));

        FollowUpReport report = report(LocalDate.of(2021, 4, 12), unordered);
        byte[] pdf = new FollowUpReportPdf().render(report);
        String text = PdfText.flat(pdf);

        assertTrue(text.contains("INFORME DE SEGUIMIENTO"), text);
        assertTrue(text.contains("Folio: IS-10005-2021-0007"), text);
        assertTrue(text.contains("Durango, Dgo., a 12 de abril de 2021"), text);
        assertTrue(text.contains("Asunto: Respuesta al oficio DG/0315/2021"), text);
        assertTrue(text.contains("Despacho del C. Gobernador P r e s e n t e"), text);
        assertTrue(text.contains("Folio del caso CASO-10005-2021-0042"), text);
        assertTrue(text.contains("Categoría Ausentismo escolar"), text);
        assertTrue(text.contains("Estatus actual Canalizado: en atención"), text);
        assertTrue(text.contains("Fecha límite de respuesta 20 de abril de 2021"), text);
        assertTrue(text.contains("Persona Ficticia Cuatro Directora General"), text);
        assertTrue(text.contains("Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados"), text);
        assertFalse(text.contains("null"), text);

        int received = text.indexOf("02/03/2021 Solicitud recibida");
        int visit = text.indexOf("09/03/2021 Visita domiciliaria");
        int referred = text.indexOf("20/03/2021 Canalizado al Hospital General");
        int outcome = text.indexOf("05/04/2021 El hospital otorgó exención");
        assertTrue(received >= 0 && received < visit && visit < referred && referred < outcome, text);
        assertEquals(LocalDate.of(2021, 3, 2), report.entries().getFirst().date());
        assertTrue(report.onTime());
    }

    @Test
    void reportWithoutEntriesSaysSoAndLateReportsAreFlaggedByOnTime() {
        FollowUpReport late = report(LocalDate.of(2021, 4, 21), List.of());

        String text = PdfText.flat(new FollowUpReportPdf().render(late));

        assertTrue(text.contains("Sin actuaciones registradas a la fecha."), text);
        assertFalse(late.onTime());
        assertTrue(report(LocalDate.of(2021, 4, 20), null).onTime());
    }

    @Test
    void longHistoriesRepeatTheTableHeaderOnEveryPage() {
        List<FollowUpReport.Entry> many = java.util.stream.IntStream.range(0, 80)
                .mapToObj(i -> new FollowUpReport.Entry(LocalDate.of(2021, 1, 1).plusDays(i), "Actuación número " + i))
                .toList();

        byte[] pdf = new FollowUpReportPdf().render(report(LocalDate.of(2021, 4, 12), many));

        int pages = PdfText.pages(pdf);
        assertTrue(pages >= 2, "pages: " + pages);
        String text = PdfText.of(pdf);
        assertEquals(pages, text.split("Fecha Actuación", -1).length - 1, text);
        assertTrue(text.contains("Actuación número 79"), text);
    }

    @Test
    void requiredFieldsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new FollowUpReport("F", LocalDate.of(2021, 4, 1), null,
                "DIF", "Despacho", "  ", LocalDate.of(2021, 4, 20), "C-1", "Cat", "Estatus", List.of(), "Firma", null));
        assertThrows(NullPointerException.class, () -> new FollowUpReport("F", LocalDate.of(2021, 4, 1), null,
                "DIF", "Despacho", "Ofi", null, "C-1", "Cat", "Estatus", List.of(), "Firma", null));
        assertThrows(IllegalArgumentException.class, () -> new FollowUpReport.Entry(LocalDate.of(2021, 4, 1), ""));
    }
}
