package mx.gob.dif.indicators.service;

import mx.gob.dif.indicators.api.ClosingReport;
import mx.gob.dif.indicators.api.IndicatorValue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The closing report's CSV: RFC 4180 that a spreadsheet opens as text, never as a formula. */
class ClosingReportFormatsTest {

    private static IndicatorValue row(String programName, String actionDescription, BigDecimal value) {
        return new IndicatorValue("T-01", "10", "2021", "SUM", "Visita", new BigDecimal("100"), value, new BigDecimal("-5"),
                new BigDecimal("100"), new BigDecimal("100"), "RED", "2021-12-31T00:00:00Z", "P-01", programName, "A-1",
                actionDescription, "10", null, null);
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.RFC4180.parse(new StringReader(csv.substring(1))).getRecords(); // after the BOM
    }

    @Test
    void aProgramNameStartingWithAnEqualsSignIsExportedAsText() throws Exception {
        ClosingReport r = new ClosingReport("10", "Durango", 2021, "2021-12-31T00:00:00Z",
                List.of(new ClosingReport.ProgramSummary("P-01", "=HYPERLINK(\"http://x\")", 1, new BigDecimal("-5"))),
                List.of(row("=HYPERLINK(\"http://x\")", "Visitas, \"domiciliarias\"\ny más", new BigDecimal("-5"))), List.of());
        String csv = ClosingReportFormats.csv(r);
        assertEquals('\uFEFF', csv.charAt(0));
        List<CSVRecord> records = parse(csv);
        assertEquals(ClosingReportFormats.HEADERS, records.get(0).toList());
        CSVRecord row = records.get(1);
        assertEquals(12, row.size());
        assertEquals("'=HYPERLINK(\"http://x\")", row.get(1));
        // commas, quotes and a line break stay inside their cell
        assertEquals("Visitas, \"domiciliarias\"\ny más", row.get(3));
        assertEquals("Acumulativo", row.get(6));
        // numbers are numbers: a negative one is not guarded
        assertEquals("-5", row.get(8));
        assertEquals("-5", row.get(11));
    }
}
