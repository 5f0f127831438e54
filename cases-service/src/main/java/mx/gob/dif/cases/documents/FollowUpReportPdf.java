package mx.gob.dif.cases.documents;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
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
        PdfSupport.letterhead(document, report.issuingUnitName(), "INFORME DE SEGUIMIENTO", report.folio(),
                SpanishText.placeAndDate(report.place(), report.date()), "Respuesta al oficio " + report.petitionReference());
        PdfSupport.addressee(document, report.requestingOffice());

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
        PdfSupport.signature(document, report.signerName(), report.signerRole(), report.issuingUnitName());
    }

    private static void row(PdfPTable table, String label, String value) {
        var head = PdfSupport.cell(label);
        head.setPhrase(new com.lowagie.text.Phrase(PdfSupport.printable(label), PdfSupport.SMALL_BOLD));
        table.addCell(head);
        table.addCell(PdfSupport.cell(value));
    }
}
