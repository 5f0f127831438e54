package mx.gob.dif.cases.documents;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPTable;
import java.text.Collator;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import mx.gob.dif.common.csv.CsvCells;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * "Informe Mensual" (PDG-02, activity 11) of one org unit for one month: every case attended or
 * referred, without names or CURP, rendered as a PDF (table plus totals per category and per status)
 * or as CSV for spreadsheets.
 *
 * @param orgUnitName name of the unit the report belongs to
 * @param month       month reported
 * @param rows        one row per case; kept sorted by date received, then case folio
 */
public record MonthlyReport(String orgUnitName, YearMonth month, List<Row> rows) {

    /** Spanish header of the CSV file, in column order. */
    public static final List<String> CSV_HEADER = List.of("Folio del caso", "Fecha de recepción", "Origen",
            "Categoría", "Estatus", "Decisión (programa o dependencia)", "Grupo de edad", "Sexo", "Responsable");

    /**
     * One case. {@code decision} is the DIF program code the case was enrolled in or the name of the
     * agency it was referred to ({@code null} while undecided); {@code ageBand} and {@code sex} are
     * the labels to print (e.g. "12 a 17 años", "Mujer"); {@code worker} is the case worker.
     */
    @Schema(name = "MonthlyReportRow")
    public record Row(String caseFolio, LocalDate receivedOn, String origin, String category, String status,
            String decision, String ageBand, String sex, String worker) {
        public Row {
            caseFolio = SpanishText.required(caseFolio, "caseFolio");
            Objects.requireNonNull(receivedOn, "receivedOn");
            origin = SpanishText.clean(origin);
            category = SpanishText.required(category, "category");
            status = SpanishText.required(status, "status");
            decision = SpanishText.clean(decision);
            ageBand = SpanishText.clean(ageBand);
            sex = SpanishText.clean(sex);
            worker = SpanishText.clean(worker);
        }
    }

    public MonthlyReport {
        orgUnitName = SpanishText.required(orgUnitName, "orgUnitName");
        Objects.requireNonNull(month, "month");
        rows = rows == null ? List.of()
                : rows.stream().map(r -> Objects.requireNonNull(r, "row"))
                        .sorted(Comparator.comparing(Row::receivedOn).thenComparing(Row::caseFolio)).toList();
    }

    /** Number of cases per category, in Spanish alphabetical order. */
    public Map<String, Integer> totalsByCategory() {
        return totals(Row::category);
    }

    /** Number of cases per status, in Spanish alphabetical order. */
    public Map<String, Integer> totalsByStatus() {
        return totals(Row::status);
    }

    /**
     * CSV (UTF-8 with byte-order mark, comma separated, CRLF, RFC 4180 quoting), header in Spanish;
     * every text cell guarded against formula injection.
     */
    public byte[] toCsv() {
        return Csv.write(CSV_HEADER, rows.stream().map(row -> Stream.of(row.caseFolio(), row.receivedOn().toString(),
                row.origin(), row.category(), row.status(), row.decision(), row.ageBand(), row.sex(),
                row.worker()).map(CsvCells::safe).toList()).toList());
    }

    /** Letter-size landscape PDF with the case table and the totals. */
    public byte[] toPdf() {
        return PdfSupport.render(true, "Informe Mensual · " + orgUnitName + " · "
                + SpanishText.monthAndYear(month), this::writePdf);
    }

    private void writePdf(Document document) throws DocumentException {
        document.add(PdfSupport.paragraph(orgUnitName, PdfSupport.HEADING, Element.ALIGN_CENTER, 0));
        document.add(PdfSupport.paragraph("INFORME MENSUAL", PdfSupport.TITLE, Element.ALIGN_CENTER, 4));
        document.add(PdfSupport.paragraph("Casos atendidos o canalizados en " + SpanishText.monthAndYear(month),
                PdfSupport.BODY, Element.ALIGN_CENTER, 2));
        document.add(PdfSupport.labelled("Total de casos", String.valueOf(rows.size())));

        if (rows.isEmpty()) {
            document.add(PdfSupport.paragraph("Sin casos registrados en el mes.", PdfSupport.BODY, Element.ALIGN_LEFT, 8));
        } else {
            PdfPTable table = new PdfPTable(new float[] {1.6f, 1f, 1.3f, 1.5f, 1.3f, 1.8f, 1f, 0.8f, 1.5f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(8);
            table.setHeaderRows(1);
            for (String head : List.of("Folio", "Recepción", "Origen", "Categoría", "Estatus", "Decisión",
                    "Edad", "Sexo", "Responsable")) {
                table.addCell(PdfSupport.headCell(head));
            }
            for (Row row : rows) {
                table.addCell(PdfSupport.cell(row.caseFolio()));
                table.addCell(PdfSupport.cell(SpanishText.shortDate(row.receivedOn())));
                table.addCell(PdfSupport.cell(row.origin()));
                table.addCell(PdfSupport.cell(row.category()));
                table.addCell(PdfSupport.cell(row.status()));
                table.addCell(PdfSupport.cell(row.decision()));
                table.addCell(PdfSupport.cell(row.ageBand()));
                table.addCell(PdfSupport.cell(row.sex()));
                table.addCell(PdfSupport.cell(row.worker()));
            }
            document.add(table);
        }

        document.add(PdfSupport.paragraph("Totales por categoría", PdfSupport.HEADING, Element.ALIGN_LEFT, 14));
        document.add(totalsTable("Categoría", totalsByCategory()));
        document.add(PdfSupport.paragraph("Totales por estatus", PdfSupport.HEADING, Element.ALIGN_LEFT, 12));
        document.add(totalsTable("Estatus", totalsByStatus()));
        document.add(PdfSupport.paragraph("Este informe no contiene nombres, CURP ni domicilios de las personas "
                + "beneficiarias.", PdfSupport.SMALL, Element.ALIGN_LEFT, 14));
    }

    private static PdfPTable totalsTable(String label, Map<String, Integer> totals) throws DocumentException {
        PdfPTable table = new PdfPTable(new float[] {3f, 1f});
        table.setWidthPercentage(45);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        table.addCell(PdfSupport.headCell(label));
        table.addCell(PdfSupport.headCell("Casos"));
        int sum = 0;
        for (Map.Entry<String, Integer> entry : totals.entrySet()) {
            table.addCell(PdfSupport.cell(entry.getKey()));
            table.addCell(PdfSupport.cell(String.valueOf(entry.getValue()), Element.ALIGN_RIGHT));
            sum += entry.getValue();
        }
        var totalLabel = PdfSupport.cell("Total");
        totalLabel.setPhrase(new com.lowagie.text.Phrase("Total", PdfSupport.SMALL_BOLD));
        table.addCell(totalLabel);
        var totalValue = PdfSupport.cell(String.valueOf(sum), Element.ALIGN_RIGHT);
        totalValue.setPhrase(new com.lowagie.text.Phrase(String.valueOf(sum), PdfSupport.SMALL_BOLD));
        table.addCell(totalValue);
        return table;
    }

    private Map<String, Integer> totals(Function<Row, String> key) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("es-MX"));
        collator.setStrength(Collator.TERTIARY);
        Map<String, Integer> sorted = new TreeMap<>(Comparator.<String, String>comparing(s -> s, collator)
                .thenComparing(Comparator.naturalOrder()));
        for (Row row : rows) {
            sorted.merge(key.apply(row), 1, Integer::sum);
        }
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }
}
