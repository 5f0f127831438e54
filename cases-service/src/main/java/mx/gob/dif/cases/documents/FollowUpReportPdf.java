package mx.gob.dif.cases.documents;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import java.util.Objects;

/**
 * Renders the "Informe de Seguimiento" as a letter-size PDF: petition it answers, case data,
 * chronological follow-up and signature. Stateless and thread-safe.
 */
public final class FollowUpReportPdf {

    public byte[] render(FollowUpReport report) {
        Objects.requireNonNull(report, "report");
        return PdfSupport.render(false, "Informe de Seguimiento " + report.folio(), document -> write(report, document));
    }

    private static void write(FollowUpReport report, Document document) throws DocumentException {
        document.add(PdfSupport.paragraph(report.issuingUnitName(), PdfSupport.HEADING, Element.ALIGN_CENTER, 0));
        document.add(PdfSupport.paragraph("INFORME DE SEGUIMIENTO", PdfSupport.TITLE, Element.ALIGN_CENTER, 6));

        Paragraph folio = new Paragraph();
        folio.setAlignment(Element.ALIGN_RIGHT);
        folio.setSpacingBefore(10);
        folio.add(new Chunk("Folio: ", PdfSupport.BOLD));
        folio.add(new Chunk(PdfSupport.printable(report.folio()), PdfSupport.BODY));
        document.add(folio);
        document.add(PdfSupport.paragraph(SpanishText.placeAndDate(report.place(), report.date()),
                PdfSupport.BODY, Element.ALIGN_RIGHT, 2));
        Paragraph subject = PdfSupport.labelled("Asunto", "Respuesta al oficio " + report.petitionReference());
        subject.setAlignment(Element.ALIGN_RIGHT);
        document.add(subject);

        Paragraph addressee = new Paragraph();
        addressee.setSpacingBefore(12);
        addressee.add(new Chunk(PdfSupport.printable(report.requestingOffice()) + "\n", PdfSupport.BOLD));
        addressee.add(new Chunk("P r e s e n t e", PdfSupport.BOLD));
        document.add(addressee);

        document.add(PdfSupport.paragraph("En atención a su oficio " + report.petitionReference()
                + ", por el que solicita información sobre el seguimiento del caso con folio " + report.caseFolio()
                + ", me permito informarle lo siguiente:", PdfSupport.BODY, Element.ALIGN_JUSTIFIED, 12));

        PdfPTable data = new PdfPTable(new float[] {1.2f, 2.8f});
        data.setWidthPercentage(100);
        data.setSpacingBefore(10);
        row(data, "Folio del caso", report.caseFolio());
        row(data, "Categoría", report.caseCategory());
        row(data, "Estatus actual", report.currentStatus());
        row(data, "Oficio de petición", report.petitionReference());
        row(data, "Fecha límite de respuesta", SpanishText.longDate(report.dueDate()));
        document.add(data);

        document.add(PdfSupport.paragraph("Seguimiento del caso", PdfSupport.HEADING, Element.ALIGN_LEFT, 14));
        if (report.entries().isEmpty()) {
            document.add(PdfSupport.paragraph("Sin actuaciones registradas a la fecha.", PdfSupport.BODY,
                    Element.ALIGN_LEFT, 4));
        } else {
            PdfPTable history = new PdfPTable(new float[] {1f, 5f});
            history.setWidthPercentage(100);
            history.setSpacingBefore(6);
            history.setHeaderRows(1);
            history.addCell(PdfSupport.headCell("Fecha"));
            history.addCell(PdfSupport.headCell("Actuación"));
            for (FollowUpReport.Entry entry : report.entries()) {
                history.addCell(PdfSupport.cell(SpanishText.shortDate(entry.date())));
                history.addCell(PdfSupport.cell(entry.text()));
            }
            document.add(history);
        }

        document.add(PdfSupport.paragraph("Sin otro particular, quedo a sus órdenes para cualquier aclaración.",
                PdfSupport.BODY, Element.ALIGN_JUSTIFIED, 12));
        document.add(PdfSupport.paragraph("A t e n t a m e n t e", PdfSupport.BOLD, Element.ALIGN_CENTER, 18));
        document.add(PdfSupport.paragraph("_________________________________________", PdfSupport.BODY,
                Element.ALIGN_CENTER, 26));
        document.add(PdfSupport.paragraph(report.signerName(), PdfSupport.BOLD, Element.ALIGN_CENTER, 2));
        if (report.signerRole() != null) {
            document.add(PdfSupport.paragraph(report.signerRole(), PdfSupport.BODY, Element.ALIGN_CENTER, 0));
        }
        document.add(PdfSupport.paragraph(report.issuingUnitName(), PdfSupport.BODY, Element.ALIGN_CENTER, 0));
        document.add(PdfSupport.paragraph(PdfSupport.PRIVACY_NOTE, PdfSupport.SMALL, Element.ALIGN_JUSTIFIED, 18));
    }

    private static void row(PdfPTable table, String label, String value) {
        var head = PdfSupport.cell(label);
        head.setPhrase(new com.lowagie.text.Phrase(PdfSupport.printable(label), PdfSupport.SMALL_BOLD));
        table.addCell(head);
        table.addCell(PdfSupport.cell(value));
    }
}
