package mx.gob.dif.programs.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.programs.service.PlanCsv;
import mx.gob.dif.programs.service.PlanSpreadsheet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pure logic of single-entity changes and of the caseMetric validation; no database. */
class PlanEditsTest {

    static ObjectNode plan() throws Exception {
        return (ObjectNode) EventJson.MAPPER.readTree("""
                {"orgUnit":"10005","fiscalYear":2030,"programs":[
                  {"code":"P-01","name":"Uno","calendarMonths":["MAR"],"actions":[
                    {"code":"P-01-01","description":"a","targets":[{"indicatorCode":"P-01-01","unit":"Visita","target":10}]},
                    {"code":"P-01-02","description":"b","targets":[{"indicatorCode":"P-01-02","unit":"Taller","target":4}]}]},
                  {"code":"P-02","name":"Dos","actions":[]}]}""");
    }

    static JsonNode json(String s) throws Exception {
        return EventJson.MAPPER.readTree(s);
    }

    @Test
    void findsEntitiesByTheirPlanWideCodes() throws Exception {
        ObjectNode doc = plan();
        assertEquals("programs[1]", PlanEdits.program(doc, "P-02").path());
        assertEquals("programs[0].actions[1]", PlanEdits.action(doc, "P-01-02").path());
        assertEquals("programs[0].actions[1].targets[0]", PlanEdits.target(doc, "P-01-02").path());
        ProblemException e = assertThrows(ProblemException.class, () -> PlanEdits.target(doc, "NO"));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains("'NO'"));
    }

    @Test
    void addingDuplicatesIsAConflictAndChangesNothing() throws Exception {
        ObjectNode doc = plan();
        String before = doc.toString();
        assertEquals(409, assertThrows(ProblemException.class,
                () -> PlanEdits.addProgram(doc, json("{\"code\":\"P-01\",\"name\":\"otra\"}"))).status());
        // action codes are unique in the whole plan, not only in their program
        assertEquals(409, assertThrows(ProblemException.class,
                () -> PlanEdits.addAction(doc, "P-02", json("{\"code\":\"P-01-01\",\"description\":\"x\"}"))).status());
        assertEquals(409, assertThrows(ProblemException.class,
                () -> PlanEdits.addTarget(doc, "P-01-01", json("{\"indicatorCode\":\"P-01-02\",\"unit\":\"x\",\"target\":1}"))).status());
        // a new program bringing an indicator that already exists elsewhere
        ProblemException nested = assertThrows(ProblemException.class, () -> PlanEdits.addProgram(doc, json("""
                {"code":"P-03","name":"Tres","actions":[{"code":"P-03-01","targets":[{"indicatorCode":"P-01-01","unit":"x","target":1}]}]}""")));
        assertEquals(409, nested.status());
        assertTrue(nested.getMessage().contains("indicador P-01-01"), nested.getMessage());
        assertEquals(before, doc.toString());
    }

    @Test
    void replaceKeepsChildrenUnlessGivenAndRejectsACodeChange() throws Exception {
        ObjectNode doc = plan();
        PlanEdits.Outcome o = PlanEdits.replaceProgram(doc, "P-01", json("{\"name\":\"Uno renombrado\",\"calendarMonths\":[\"JUN\"]}"));
        assertEquals("programs[0]", o.scope());
        ObjectNode p = PlanEdits.at(doc, PlanEdits.program(doc, "P-01"));
        assertEquals("P-01", p.fields().next().getValue().asText(), "the code comes first, as in imported plans");
        assertEquals(2, p.get("actions").size(), "actions kept when the body has none");
        ProblemException e = assertThrows(ProblemException.class,
                () -> PlanEdits.replaceProgram(doc, "P-01", json("{\"code\":\"P-09\",\"name\":\"x\"}")));
        assertEquals(422, e.status());
        assertEquals("code", e.errors().get(0).field());

        PlanEdits.replaceAction(doc, "P-01-02", json("{\"description\":\"b2\",\"targets\":[]}"));
        assertEquals(0, PlanEdits.at(doc, PlanEdits.action(doc, "P-01-02")).get("targets").size(), "targets replaced when given");
    }

    @Test
    void contextFieldsOfAReadMayBeSentBackButNotChanged() throws Exception {
        ObjectNode doc = plan();
        PlanEdits.replaceTarget(doc, "P-01-01", json("""
                {"planId":"x","orgUnit":"10005","fiscalYear":2030,"planStatus":"DRAFT","planRevision":3,"programCode":"P-01",
                 "actionCode":"P-01-01","indicatorCode":"P-01-01","unit":"Visita","target":12}"""));
        ObjectNode t = PlanEdits.at(doc, PlanEdits.target(doc, "P-01-01"));
        assertFalse(t.has("planId") || t.has("programCode") || t.has("actionCode"));
        assertEquals(12, t.get("target").asInt());
        ProblemException e = assertThrows(ProblemException.class, () -> PlanEdits.replaceTarget(doc, "P-01-01",
                json("{\"actionCode\":\"P-01-02\",\"unit\":\"Visita\",\"target\":12}")));
        assertEquals(422, e.status());
        assertEquals("actionCode", e.errors().get(0).field());
    }

    @Test
    void deletesRemoveTheSubtree() throws Exception {
        ObjectNode doc = plan();
        assertNull(PlanEdits.deleteAction(doc, "P-01-01").scope());
        assertTrue(PlanEdits.findTarget(doc, "P-01-01").isEmpty());
        PlanEdits.deleteProgram(doc, "P-01");
        assertEquals(1, doc.get("programs").size());
        PlanEdits.deleteProgram(doc, "P-02");
        assertTrue(PlanValidation.validate(doc, true).ok(), "a plan built entity by entity may be empty");
        assertFalse(PlanValidation.validate(doc).ok(), "an imported plan may not");
    }

    @Test
    void caseMetricIsValidatedAndCarried() throws Exception {
        ObjectNode doc = plan();
        PlanEdits.replaceTarget(doc, "P-01-01", json("{\"unit\":\"Caso\",\"target\":120,\"caseMetric\":\"CASES_ATTENDED\"}"));
        PlanValidation.Result ok = PlanValidation.validate(doc);
        assertTrue(ok.ok(), ok.problems().toString());
        assertEquals("CASES_ATTENDED", ok.targets().get(0).caseMetric());
        assertNull(ok.targets().get(1).caseMetric(), "targets without it are as before");

        PlanEdits.replaceTarget(doc, "P-01-01", json("{\"unit\":\"Caso\",\"target\":120,\"caseMetric\":\"CASOS\"}"));
        PlanValidation.Result bad = PlanValidation.validate(doc);
        assertEquals("programs[0].actions[0].targets[0].caseMetric", bad.problems().get(0).field());
        assertTrue(bad.problems().get(0).message().contains("CASES_ATTENDED"), "the message lists the allowed values");

        PlanEdits.replaceTarget(doc, "P-01-01", json("""
                {"unit":"Caso","target":120,"method":"COMPOSITE","components":["P-01-02"],"caseMetric":"CASES_ATTENDED"}"""));
        assertEquals("programs[0].actions[0].targets[0].caseMetric", PlanValidation.validate(doc).problems().get(0).field());
    }

    @Test
    void theCsvFormCarriesCaseMetricBothWaysAndNamesABadCell() throws Exception {
        ObjectNode doc = plan();
        PlanEdits.replaceTarget(doc, "P-01-01", json("{\"unit\":\"Caso\",\"target\":120,\"caseMetric\":\"CASES_REFERRED\"}"));
        String csv = PlanCsv.export(doc);
        assertTrue(csv.startsWith("programa,") && csv.contains(",metrica_casos\r\n"));
        ObjectNode back = PlanCsv.read(csv, "10005", 2030);
        assertEquals("CASES_REFERRED", PlanEdits.at(back, PlanEdits.target(back, "P-01-01")).get("caseMetric").asText());
        assertFalse(PlanEdits.at(back, PlanEdits.target(back, "P-01-02")).has("caseMetric"));

        ProblemException e = assertThrows(ProblemException.class,
                () -> PlanCsv.read(csv.replace("CASES_REFERRED", "REFERIDOS"), "10005", 2030));
        assertEquals(422, e.status());
        assertEquals(2, e.errors().get(0).row());
        assertEquals("metrica_casos", e.errors().get(0).column());
        assertTrue(e.errors().get(0).message().contains("REFERIDOS"));
    }

    @Test
    void aSpreadsheetWrittenBeforeTheCaseMetricColumnStillImports() throws Exception {
        ObjectNode doc = plan();
        PlanEdits.replaceTarget(doc, "P-01-01", json("{\"unit\":\"Caso\",\"target\":120,\"caseMetric\":\"INTERVENTIONS\"}"));
        byte[] xlsx = PlanSpreadsheet.export(doc);
        ObjectNode back = PlanSpreadsheet.read(xlsx, "10005", 2030);
        assertEquals("INTERVENTIONS", PlanEdits.at(back, PlanEdits.target(back, "P-01-01")).get("caseMetric").asText());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
             var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.getSheet("Metas");
            for (var row : sheet) {
                var cell = row.getCell(9);
                if (cell != null) {
                    row.removeCell(cell);
                }
            }
            wb.write(out);
            ObjectNode old = PlanSpreadsheet.read(out.toByteArray(), "10005", 2030);
            assertFalse(PlanEdits.at(old, PlanEdits.target(old, "P-01-01")).has("caseMetric"));
            assertTrue(PlanValidation.validate(old).ok());
        }
    }
}
