package mx.gob.dif.programs.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.EventJson;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan CSV on its own: formula guard on export, the round trip through the import, bad quoting; no database. */
class PlanCsvTest {

    /** A plan holding only what the CSV carries (every program has targets and a calendar). */
    static ObjectNode plan(String programName, String actionDescription) throws Exception {
        ObjectNode plan = (ObjectNode) EventJson.MAPPER.readTree("""
                {"orgUnit":"10005","fiscalYear":2030,"programs":[
                  {"code":"P-01","name":"N","calendarMonths":["MAR","JUN"],"investment":{"total":1000,"municipal":999.50,"otherSources":0.50},
                   "actions":[{"code":"P-01-01","description":"D","targets":[
                     {"indicatorCode":"P-01-01","unit":"Visita","target":10,"method":"LAST"},
                     {"indicatorCode":"P-01-02","unit":"Caso","target":2.5,"method":"COMPOSITE","components":["P-01-01"],
                      "formula":"-P-01-01 / 2","caseMetric":"CASES_ATTENDED"}]}]},
                  {"code":"P-02","name":"Dos, con coma","calendarMonths":[],"actions":[{"code":"P-02-01","description":"Con \\"comillas\\"\\ny renglón",
                   "targets":[{"indicatorCode":"P-02-01","unit":"Taller","target":0}]}]}]}""");
        ObjectNode first = (ObjectNode) plan.get("programs").get(0);
        first.put("name", programName);
        ((ObjectNode) first.get("actions").get(0)).put("description", actionDescription);
        return plan;
    }

    /** Numbers compared by value (the import reads them as decimals). */
    static JsonNode normalized(JsonNode plan) throws Exception {
        return EventJson.MAPPER.readTree(plan.toString());
    }

    static List<CSVRecord> records(String csv) throws Exception {
        return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
    }

    @Test
    void formulaLikeTextIsExportedWithALeadingApostropheAndNumbersAsNumbers() throws Exception {
        ObjectNode plan = plan("=HYPERLINK(\"http://x\",\"clic\")", "@SUM(A1)");
        ((ObjectNode) plan.get("programs").get(0).get("actions").get(0).get("targets").get(0)).put("unit", "+1 visita");
        ((ObjectNode) plan.get("programs").get(0).get("investment")).put("otherSources", -3);
        CSVRecord row = records(PlanCsvWriter.write(plan)).get(1);
        assertEquals("'=HYPERLINK(\"http://x\",\"clic\")", row.get(1));
        assertEquals("'@SUM(A1)", row.get(7));
        assertEquals("'+1 visita", row.get(9));
        assertEquals("'-P-01-01 / 2", records(PlanCsvWriter.write(plan)).get(2).get(13));
        assertEquals(List.of("1000", "999.50", "-3"), List.of(row.get(3), row.get(4), row.get(5)), "numbers are not guarded");
        assertEquals("10", row.get(10));
    }

    @Test
    void anExportReadsBackToTheSamePlanApostrophesIncluded() throws Exception {
        for (String[] texts : List.of(
                new String[]{"=1+1", "-menos"},
                new String[]{"'=ya llevaba apóstrofo", "''@dos"},
                new String[]{"'comillas simples, sin fórmula'", "Normal"})) {
            ObjectNode plan = plan(texts[0], texts[1]);
            ObjectNode back = PlanCsvReader.read(PlanCsvWriter.write(plan), "10005", 2030);
            assertEquals(normalized(plan), normalized(back), String.join(" / ", texts));
        }
    }

    @Property(tries = 300)
    void anyTrimmedTextRoundTrips(@ForAll @StringLength(min = 1, max = 10) @Chars({'=', '+', '-', '@', '\'', ',', '"', ';', ' ', '\n', 'a', 'ñ'})
                                  String name, @ForAll @StringLength(min = 1, max = 10) @Chars({'=', '\'', '@', '"', 'b', '\t'}) String description)
            throws Exception {
        Assume.that(name.equals(name.trim()) && description.equals(description.trim()) && !name.isEmpty() && !description.isEmpty());
        ObjectNode plan = plan(name, description);
        assertEquals(normalized(plan), normalized(PlanCsvReader.read(PlanCsvWriter.write(plan), "10005", 2030)));
    }

    @Test
    void aQuoteLeftOpenIsABadRequestNamingTheLine() {
        String csv = String.join(",", CsvLayout.HEADERS) + "\r\nP-01,\"Programa sin cerrar,MAR,1,1,0,A,d,I,u,1,,,\r\n";
        ProblemException e = assertThrows(ProblemException.class, () -> PlanCsvReader.read(csv, "10005", 2030));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("revise las comillas cerca de la línea"), e.getMessage());
    }
}
