package mx.gob.dif.cases.documents;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.List;
import com.lowagie.text.ListItem;
import com.lowagie.text.Paragraph;

/**
 * Renders the "Solicitud de Gestión" (PDG-02, activity 6) as a one- or two-page letter-size PDF.
 * Stateless and thread-safe. Fields of {@link ReferralLetter} that are absent are left out.
 */
public final class ReferralLetterPdf {

    public byte[] render(ReferralLetter letter) {
        java.util.Objects.requireNonNull(letter, "letter");
        return PdfSupport.render(false, "Solicitud de Gestión " + letter.folio(), document -> write(letter, document));
    }

    private static void write(ReferralLetter letter, Document document) throws DocumentException {
        PdfSupport.letterhead(document, letter.issuingUnitName(), "SOLICITUD DE GESTIÓN", letter.folio(),
                SpanishText.placeAndDate(letter.issuePlace(), letter.date()), "Solicitud de Gestión");
        PdfSupport.addressee(document, letter.addresseeContact(), letter.addresseeService(), letter.addresseeOrganization());

        Paragraph opening = PdfSupport.paragraph("Por medio del presente, y en seguimiento a la comunicación "
                + "sostenida con su institución, me permito solicitar de la manera más atenta su valioso apoyo "
                + "para atender el siguiente caso, canalizado por este Sistema para el Desarrollo Integral de "
                + "la Familia:", PdfSupport.BODY, Element.ALIGN_JUSTIFIED, 14);
        document.add(opening);
        Paragraph request = PdfSupport.paragraph(letter.request(), PdfSupport.BODY, Element.ALIGN_JUSTIFIED, 8);
        request.setIndentationLeft(18);
        document.add(request);

        writeBeneficiary(letter, document);

        if (!letter.requiredDocuments().isEmpty()) {
            document.add(PdfSupport.paragraph("Documentos requeridos:", PdfSupport.BOLD, Element.ALIGN_LEFT, 10));
            List documents = new List(List.ORDERED);
            documents.setIndentationLeft(18);
            for (String item : letter.requiredDocuments()) {
                documents.add(new ListItem(PdfSupport.printable(item), PdfSupport.BODY));
            }
            document.add(documents);
        }

        document.add(PdfSupport.paragraph("Sin otro particular, agradezco de antemano la atención que se sirva "
                + "brindar a la presente y le solicito informar a esta unidad el apoyo otorgado, la reducción "
                + "o exención de cuotas, o en su caso los motivos por los que no fue posible atender la "
                + "solicitud.", PdfSupport.BODY, Element.ALIGN_JUSTIFIED, 12));

        PdfSupport.signature(document, letter.signerName(), letter.signerRole(), letter.issuingUnitName());
    }

    private static void writeBeneficiary(ReferralLetter letter, Document document) throws DocumentException {
        java.util.List<Paragraph> lines = new java.util.ArrayList<>();
        if (letter.beneficiaryName() != null) {
            lines.add(PdfSupport.labelled("Nombre", letter.beneficiaryName()));
        }
        if (letter.beneficiaryCurp() != null) {
            lines.add(PdfSupport.labelled("CURP", letter.beneficiaryCurp()));
        }
        if (letter.beneficiaryAge() != null) {
            int age = letter.beneficiaryAge();
            lines.add(PdfSupport.labelled("Edad", age + (age == 1 ? " año" : " años")));
        }
        if (letter.guardianName() != null) {
            lines.add(PdfSupport.labelled("Madre, padre o tutor", letter.guardianName()));
        }
        if (letter.locality() != null) {
            lines.add(PdfSupport.labelled("Localidad", letter.locality()));
        }
        if (letter.municipality() != null) {
            lines.add(PdfSupport.labelled("Municipio", letter.municipality()));
        }
        if (lines.isEmpty()) {
            return;
        }
        document.add(PdfSupport.paragraph("Datos de la persona beneficiaria:", PdfSupport.BOLD, Element.ALIGN_LEFT, 10));
        for (Paragraph line : lines) {
            line.setIndentationLeft(18);
            document.add(line);
        }
    }
}
