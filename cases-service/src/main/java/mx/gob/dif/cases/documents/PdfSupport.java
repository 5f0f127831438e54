package mx.gob.dif.cases.documents;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Page set-up, fonts and small building blocks shared by the PDF documents.
 *
 * <p>Text uses the standard Helvetica font with the WinAnsi (CP1252) encoding, which covers every
 * Spanish letter and sign (á é í ó ú ü ñ Ñ ¿ ¡ « » –). Characters outside CP1252 cannot be drawn
 * with it; {@link #printable(String)} replaces them with "?" so nothing is silently dropped.
 */
final class PdfSupport {

    static final BaseFont BASE = baseFont(BaseFont.HELVETICA);
    static final BaseFont BASE_BOLD = baseFont(BaseFont.HELVETICA_BOLD);

    static final Font TITLE = new Font(BASE_BOLD, 14);
    static final Font HEADING = new Font(BASE_BOLD, 11);
    static final Font BODY = new Font(BASE, 10);
    static final Font BOLD = new Font(BASE_BOLD, 10);
    static final Font SMALL = new Font(BASE, 8);
    static final Font SMALL_BOLD = new Font(BASE_BOLD, 8);
    static final Font TABLE = new Font(BASE, 8.5f);
    static final Font TABLE_HEAD = new Font(BASE_BOLD, 8.5f, Font.NORMAL, Color.WHITE);

    static final Color HEAD_BACKGROUND = new Color(0x5B, 0x2C, 0x6F);

    static final String PRIVACY_NOTE = "Este documento contiene datos personales protegidos en términos de la "
            + "Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados. Se comparten "
            + "únicamente para la finalidad indicada; queda prohibida su difusión, transferencia o uso distinto "
            + "sin el consentimiento de su titular, salvo las excepciones previstas en la ley.";

    private PdfSupport() {
    }

    interface Body {
        void write(Document document) throws DocumentException;
    }

    /** Builds a whole PDF on a letter-size page ("carta"), with "Página n de m" at the foot. */
    static byte[] render(boolean landscape, String footerLabel, Body body) {
        Rectangle size = landscape ? PageSize.LETTER.rotate() : PageSize.LETTER;
        Document document = new Document(size, 60, 60, 48, 56);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(footerLabel));
            document.addCreator("Plataforma DIF");
            document.open();
            body.write(document);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF could not be written", e);
        }
        return out.toByteArray();
    }

    static Paragraph paragraph(String text, Font font) {
        return new Paragraph(printable(text), font);
    }

    static Paragraph paragraph(String text, Font font, int alignment, float spacingBefore) {
        Paragraph paragraph = paragraph(text, font);
        paragraph.setAlignment(alignment);
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    /** "Label: value" with the label in bold. */
    static Paragraph labelled(String label, String value) {
        Paragraph paragraph = new Paragraph();
        paragraph.add(new Chunk(printable(label) + ": ", BOLD));
        paragraph.add(new Chunk(printable(value), BODY));
        return paragraph;
    }

    /** The head of an official letter: issuing unit, title, folio, place and date, subject. */
    static void letterhead(Document document, String unitName, String title, String folio, String placeAndDate, String subject)
            throws DocumentException {
        document.add(paragraph(unitName, HEADING, Element.ALIGN_CENTER, 0));
        document.add(paragraph(title, TITLE, Element.ALIGN_CENTER, 6));
        Paragraph folioLine = new Paragraph();
        folioLine.setAlignment(Element.ALIGN_RIGHT);
        folioLine.setSpacingBefore(10);
        folioLine.add(new Chunk("Folio: ", BOLD));
        folioLine.add(new Chunk(printable(folio), BODY));
        document.add(folioLine);
        document.add(paragraph(placeAndDate, BODY, Element.ALIGN_RIGHT, 2));
        Paragraph subjectLine = labelled("Asunto", subject);
        subjectLine.setAlignment(Element.ALIGN_RIGHT);
        document.add(subjectLine);
    }

    /** Whom a letter is addressed to, one bold line each (absent lines left out), then "P r e s e n t e". */
    static void addressee(Document document, String... lines) throws DocumentException {
        Paragraph addressee = new Paragraph();
        addressee.setSpacingBefore(12);
        for (String line : lines) {
            if (line != null) {
                addressee.add(new Chunk(printable(line) + "\n", BOLD));
            }
        }
        addressee.add(new Chunk("P r e s e n t e", BOLD));
        document.add(addressee);
    }

    /** The end of an official letter: signature block (role left out when absent) and the privacy note. */
    static void signature(Document document, String signerName, String signerRole, String unitName) throws DocumentException {
        document.add(paragraph("A t e n t a m e n t e", BOLD, Element.ALIGN_CENTER, 18));
        document.add(paragraph("_________________________________________", BODY, Element.ALIGN_CENTER, 26));
        document.add(paragraph(signerName, BOLD, Element.ALIGN_CENTER, 2));
        if (signerRole != null) {
            document.add(paragraph(signerRole, BODY, Element.ALIGN_CENTER, 0));
        }
        document.add(paragraph(unitName, BODY, Element.ALIGN_CENTER, 0));
        document.add(paragraph(PRIVACY_NOTE, SMALL, Element.ALIGN_JUSTIFIED, 18));
    }

    static PdfPCell headCell(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(printable(text), TABLE_HEAD));
        cell.setBackgroundColor(HEAD_BACKGROUND);
        cell.setPadding(4);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

    static PdfPCell cell(String text) {
        return cell(text, Element.ALIGN_LEFT);
    }

    static PdfPCell cell(String text, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(printable(text == null ? "—" : text), TABLE));
        cell.setPadding(3.5f);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    /** Replaces characters the WinAnsi font cannot draw, so they show up as "?" instead of vanishing. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || BASE.charExists(cp)) {
                out.appendCodePoint(cp);
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static BaseFont baseFont(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("standard PDF font " + name + " is not available", e);
        }
    }

    /** Footer "label · Página n de m"; the total is filled in when the document closes. */
    private static final class Footer extends PdfPageEventHelper {
        private static final float SIZE = 8;
        private final String label;
        private PdfTemplate total;

        Footer(String label) {
            this.label = label == null ? "" : printable(label) + "  ·  ";
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            String text = label + "Página " + writer.getPageNumber() + " de ";
            float x = document.left();
            float y = document.bottom() - 30;
            canvas.beginText();
            canvas.setFontAndSize(BASE, SIZE);
            canvas.setTextMatrix(x, y);
            canvas.showText(text);
            canvas.endText();
            canvas.addTemplate(total, x + BASE.getWidthPoint(text, SIZE), y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(BASE, SIZE);
            total.setTextMatrix(0, 0);
            total.showText(String.valueOf(writer.getPageNumber() - 1));
            total.endText();
        }
    }

}
