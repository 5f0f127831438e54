package mx.gob.dif.cases.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferralLetterPdfTest {

    private static final String CURP = "AAPR630321HDFLRC09";

    private final ReferralLetterPdf renderer = new ReferralLetterPdf();

    private static ReferralLetter complete() {
        return new ReferralLetter("SG-10005-2021-0042", LocalDate.of(2021, 3, 14),
                "Procuraduría Municipal de Protección de Niñas, Niños y Adolescentes",
                "Hospital General de Durango", "Servicio de Ortopedia", "Dra. Persona Ficticia Dos",
                "Valoración ortopédica y exención del cobro de la consulta.",
                "Persona Ficticia Uno", CURP, 12, "Persona Ficticia Tres", "Durango, Dgo.", "Villa Montemorelos",
                List.of("Copia del acta de nacimiento", "Comprobante de domicilio", "CURP impresa"),
                "Persona Ficticia Cuatro", "Directora General");
    }

    @Test
    void letterCarriesHeaderAddresseeBodyDocumentsSignatureAndPrivacyNote() {
        byte[] pdf = renderer.render(complete());
        String text = PdfText.flat(pdf);

        assertTrue(text.contains("Procuraduría Municipal de Protección de Niñas, Niños y Adolescentes"), text);
        assertTrue(text.contains("SOLICITUD DE GESTIÓN"), text);
        assertTrue(text.contains("Asunto: Solicitud de Gestión"), text);
        assertTrue(text.contains("Folio: SG-10005-2021-0042"), text);
        assertTrue(text.contains("Durango, Dgo., a 14 de marzo de 2021"), text);
        assertTrue(text.contains("Dra. Persona Ficticia Dos Servicio de Ortopedia Hospital General de Durango P r e s e n t e"), text);
        assertTrue(text.contains("Valoración ortopédica y exención del cobro de la consulta."), text);
        assertTrue(text.contains("Nombre: Persona Ficticia Uno"), text);
        assertTrue(text.contains("CURP: " + CURP), text);
        assertTrue(text.contains("Edad: 12 años"), text);
        assertTrue(text.contains("Madre, padre o tutor: Persona Ficticia Tres"), text);
        assertTrue(text.contains("Localidad: Villa Montemorelos"), text);
        assertTrue(text.contains("Municipio: Durango, Dgo."), text);
        assertTrue(text.contains("Documentos requeridos:"), text);
        assertTrue(text.contains("1. Copia del acta de nacimiento"), text);
        assertTrue(text.contains("3. CURP impresa"), text);
        assertTrue(text.contains("Persona Ficticia Cuatro Directora General"), text);
        assertTrue(text.contains("Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados"), text);
        assertEquals(1, PdfText.pages(pdf));
        assertTrue(text.contains("Solicitud de Gestión SG-10005-2021-0042 · Página 1 de 1"), text);
        assertFalse(text.contains("null"), text);
    }

    @Test
    void absentPersonalDataIsLeftOutNeverPrintedAsNull() {
        ReferralLetter full = complete();
        ReferralLetter minimal = new ReferralLetter(full.folio(), full.date(), full.issuingUnitName(),
                full.addresseeOrganization(), null, null, full.request(), null, null, 12, null, null, "  ",
                null, full.signerName(), null);

        String text = PdfText.flat(renderer.render(minimal));

        assertFalse(text.contains("null"), text);
        assertFalse(text.contains("CURP"), text);
        assertFalse(text.contains(CURP), text);
        assertFalse(text.contains("Persona Ficticia Uno"), text);
        assertFalse(text.contains("tutor"), text);
        assertFalse(text.contains("Localidad"), text);
        assertFalse(text.contains("Municipio"), text);
        assertFalse(text.contains("Documentos requeridos"), text);
        assertFalse(text.contains("Servicio de Ortopedia"), text);
        assertTrue(text.contains("Edad: 12 años"), text);
        assertTrue(text.contains("Hospital General de Durango P r e s e n t e"), text);
        // without a place the date line starts with the day
        assertTrue(text.contains(" 14 de marzo de 2021"), text);
        assertFalse(text.contains(", a 14 de marzo"), text);
    }

    @Test
    void explicitIssuePlaceWinsOverTheMunicipality() {
        ReferralLetter full = complete();
        ReferralLetter letter = new ReferralLetter(full.folio(), full.date(), full.issuingUnitName(),
                full.addresseeOrganization(), null, null, full.request(), null, null, null, null,
                "Lerdo, Dgo.", null, List.of(), full.signerName(), null, "Victoria de Durango, Dgo.");

        String text = PdfText.flat(renderer.render(letter));

        assertTrue(text.contains("Victoria de Durango, Dgo., a 14 de marzo de 2021"), text);
        assertTrue(text.contains("Municipio: Lerdo, Dgo."), text);
        assertFalse(text.contains("Datos de la persona beneficiaria") && text.contains("Nombre:"), text);
    }

    @Test
    void longRequestsFlowOntoMorePagesWithPageNumbers() {
        ReferralLetter full = complete();
        String longRequest = "Se solicita atención integral para la niña y su familia. ".repeat(120);
        ReferralLetter letter = new ReferralLetter(full.folio(), full.date(), full.issuingUnitName(),
                full.addresseeOrganization(), null, null, longRequest, null, null, null, null, null, null,
                null, full.signerName(), null);

        byte[] pdf = renderer.render(letter);

        int pages = PdfText.pages(pdf);
        assertTrue(pages >= 2, "pages: " + pages);
        String text = PdfText.flat(pdf);
        assertTrue(text.contains("Página 2 de " + pages), text);
        assertTrue(text.contains("atención integral para la niña"), text);
    }

    @Test
    void requiredFieldsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new ReferralLetter(" ", LocalDate.of(2021, 3, 14),
                "DIF", "Hospital", null, null, "Apoyo", null, null, null, null, null, null, null, "Firma", null));
        assertThrows(NullPointerException.class, () -> new ReferralLetter("F-1", null,
                "DIF", "Hospital", null, null, "Apoyo", null, null, null, null, null, null, null, "Firma", null));
        assertThrows(IllegalArgumentException.class, () -> new ReferralLetter("F-1", LocalDate.of(2021, 3, 14),
                "DIF", "Hospital", null, null, "Apoyo", null, null, -1, null, null, null, null, "Firma", null));
        assertEquals(List.of("Acta"), new ReferralLetter("F-1", LocalDate.of(2021, 3, 14), "DIF", "Hospital",
                null, null, "Apoyo", null, null, null, null, null, null, java.util.Arrays.asList("Acta", null, " "),
                "Firma", null).requiredDocuments());
    }

    @Test
    void charactersOutsideTheFontShowAsQuestionMarksNotSilentlyDropped() {
        ReferralLetter full = complete();
        ReferralLetter letter = new ReferralLetter(full.folio(), full.date(), full.issuingUnitName(),
                full.addresseeOrganization(), null, null, "Apoyo ≥ 50 % ¿posible? ¡sí!", null, null, null, null,
                null, null, null, full.signerName(), null);

        String text = PdfText.flat(renderer.render(letter));

        assertTrue(text.contains("Apoyo ? 50 % ¿posible? ¡sí!"), text);
    }
}
