package mx.gob.dif.cases.documents;

import com.lowagie.text.Chunk;
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
        document.add(PdfSupport.paragraph(letter.issuingUnitName(), PdfSupport.HEADING, Element.ALIGN_CENTER, 0));
        document.add(PdfSupport.paragraph("SOLICITUD DE GESTIÓN", PdfSupport.TITLE, Element.ALIGN_CENTER, 6));

        Paragraph folio = new Paragraph();
        folio.setAlignment(Element.ALIGN_RIGHT);
        folio.setSpacingBefore(10);
        folio.add(new Chunk("Folio: ", PdfSupport.BOLD));
        folio.add(new Chunk(PdfSupport.printable(letter.folio()), PdfSupport.BODY));
        document.add(folio);
        document.add(PdfSupport.paragraph(SpanishText.placeAndDate(letter.issuePlace(), letter.date()),
                PdfSupport.BODY, Element.ALIGN_RIGHT, 2));
        Paragraph subject = PdfSupport.labelled("Asunto", "Solicitud de Gestión");
        subject.setAlignment(Element.ALIGN_RIGHT);
        document.add(subject);

        Paragraph addressee = new Paragraph();
        addressee.setSpacingBefore(12);
        if (letter.addresseeContact() != null) {
            addressee.add(new Chunk(PdfSupport.printable(letter.addresseeContact()) + "\n", PdfSupport.BOLD));
        }
        if (letter.addresseeService() != null) {
            addressee.add(new Chunk(PdfSupport.printable(letter.addresseeService()) + "\n", PdfSupport.BOLD));
        }
        addressee.add(new Chunk(PdfSupport.printable(letter.addresseeOrganization()) + "\n", PdfSupport.BOLD));
        addressee.add(new Chunk("P r e s e n t e", PdfSupport.BOLD));
        document.add(addressee);

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

        document.add(PdfSupport.paragraph("A t e n t a m e n t e", PdfSupport.BOLD, Element.ALIGN_CENTER, 18));
        document.add(PdfSupport.paragraph("_________________________________________", PdfSupport.BODY,
                Element.ALIGN_CENTER, 26));
        document.add(PdfSupport.paragraph(letter.signerName(), PdfSupport.BOLD, Element.ALIGN_CENTER, 2));
        if (letter.signerRole() != null) {
            document.add(PdfSupport.paragraph(letter.signerRole(), PdfSupport.BODY, Element.ALIGN_CENTER, 0));
        }
        document.add(PdfSupport.paragraph(letter.issuingUnitName(), PdfSupport.BODY, Element.ALIGN_CENTER, 0));

        document.add(PdfSupport.paragraph(PdfSupport.PRIVACY_NOTE, PdfSupport.SMALL, Element.ALIGN_JUSTIFIED, 18));
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
