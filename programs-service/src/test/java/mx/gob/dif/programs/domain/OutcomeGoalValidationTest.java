package mx.gob.dif.programs.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.programs.service.PlanSpreadsheet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structured ratios on outcome goals: validation, default codes and the spreadsheet round trip; no database. */
class OutcomeGoalValidationTest {

    static ObjectNode plan(String goals) throws Exception {
        return (ObjectNode) EventJson.MAPPER.readTree("""
                {"orgUnit":"10005","fiscalYear":2033,"programs":[
                  {"code":"P-01","name":"Uno","interventionGoals":%s,"actions":[
                    {"code":"P-01-01","description":"a","targets":[{"indicatorCode":"P-01-01","unit":"Infante","target":110}]},
                    {"code":"P-01-02","description":"b","targets":[{"indicatorCode":"P-01-02","unit":"Infante","target":116}]}]},
                  {"code":"P-02","name":"Dos","interventionGoals":[{"component":"libre","goal":"80%%"}],"actions":[]}]}"""
                .formatted(goals));
    }

    static Map<String, String> problems(PlanValidation.Result r) {
        return r.problems().stream().collect(Collectors.toMap(PlanValidation.Problem::field, PlanValidation.Problem::message, (a, b) -> a + " | " + b));
    }

    @Test
    void aStructuredRatioIsReadAndGoalsWithoutCodeAreNamedByPosition() throws Exception {
        PlanValidation.Result r = PlanValidation.validate(plan("""
                [{"component":"Sin reincidencia","goal":"95%","indicator":"(a / b) * 100",
                  "numerator":{"indicator":"P-01-01"},"denominator":{"indicator":"P-01-02"},"targetPercent":95},
                 {"code":"CASOS","component":"Casos","numerator":{"caseMetric":"CASES_REFERRED"},"denominator":{"caseMetric":"CASES_ATTENDED"}},
                 {"component":"Solo texto","goal":"100%"}]"""));
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(4, r.outcomeGoals());
        List<OutcomeGoalDef> goals = r.goals();
        assertEquals(List.of("P-01-M1", "CASOS", "P-01-M3", "P-02-M1"), goals.stream().map(OutcomeGoalDef::code).toList());
        OutcomeGoalDef first = goals.get(0);
        assertEquals("P-01", first.programCode());
        assertEquals(new OutcomeGoalDef.Side("P-01-01", null), first.numerator());
        assertEquals(new OutcomeGoalDef.Side("P-01-02", null), first.denominator());
        assertEquals(0, new BigDecimal("95").compareTo(first.targetPercent()));
        assertEquals("Sin reincidencia", first.component());
        assertEquals(new OutcomeGoalDef.Side(null, "CASES_REFERRED"), goals.get(1).numerator());
        assertNull(goals.get(1).targetPercent());
        assertNull(goals.get(2).numerator());
        assertNull(goals.get(2).denominator());
    }

    @Test
    void everyBadRatioIsReportedWithItsPathInSpanish() throws Exception {
        PlanValidation.Result r = PlanValidation.validate(plan("""
                [{"numerator":{"indicator":"NO-EXISTE"},"denominator":{"caseMetric":"CASOS_RAROS"},"targetPercent":-5},
                 {"numerator":{"indicator":"P-01-01","caseMetric":"CASES_ATTENDED"},"denominator":{}},
                 {"numerator":{"indicator":"P-01-01"},"targetPercent":"noventa"},
                 {"code":"P-01-M1","denominator":"P-01-02"}]"""));
        Map<String, String> p = problems(r);
        String g = "programs[0].interventionGoals";
        assertTrue(p.get(g + "[0].numerator.indicator").contains("'NO-EXISTE' no es un indicador de este plan"), p.toString());
        assertTrue(p.get(g + "[0].denominator.caseMetric").contains("CASOS_RAROS"), p.toString());
        assertTrue(p.get(g + "[0].targetPercent").contains("no puede ser negativa"), p.toString());
        assertTrue(p.get(g + "[1].numerator").contains("tiene los dos"), p.toString());
        assertTrue(p.get(g + "[1].denominator").contains("no tiene ninguno"), p.toString());
        assertTrue(p.get(g + "[2].denominator").contains("falta el denominador"), p.toString());
        assertTrue(p.get(g + "[2].targetPercent").contains("debe ser un número"), p.toString());
        assertTrue(p.get(g + "[3].denominator").contains("debe ser un objeto"), p.toString());
        assertTrue(p.get(g + "[3].code").contains("'P-01-M1' está repetida"), p.toString());
        assertTrue(p.get(g + "[3].numerator").contains("falta el numerador"), p.toString());
        assertEquals(10, r.problems().size(), p.toString());
    }

    @Test
    void theDemoPlanHasNineteenPlainGoalsAndNoProblems() throws Exception {
        String json = Files.readString(Path.of("../deploy/demo/pat-2021-municipal-durango.json"));
        PlanValidation.Result r = PlanValidation.validate(EventJson.MAPPER.readTree(json));
        assertTrue(r.ok());
        assertEquals(19, r.goals().size());
        assertEquals("DIF-01-M1", r.goals().get(0).code());
        assertTrue(r.goals().stream().allMatch(x -> x.numerator() == null && x.denominator() == null && x.targetPercent() == null));
    }

    @Test
    void theSpreadsheetCarriesCodesAndRatiosBothWays() throws Exception {
        ObjectNode doc = plan("""
                [{"component":"Sin reincidencia","goal":"95%","indicator":"(a / b) * 100","verificationSource":"Expediente",
                  "assumptions":"Compromiso","code":"NNA-1","numerator":{"indicator":"P-01-01"},"denominator":{"caseMetric":"CASES_ATTENDED"},
                  "targetPercent":95.5},
                 {"component":"Solo texto","goal":"100%","indicator":null,"verificationSource":null,"assumptions":null}]""");
        ((ObjectNode) doc.get("programs").get(1).get("interventionGoals").get(0))
                .putNull("indicator").putNull("verificationSource").putNull("assumptions");
        ObjectNode back = PlanSpreadsheet.read(PlanSpreadsheet.export(doc), "10005", 2033);
        for (int p = 0; p < 2; p++) {
            JsonNode in = doc.get("programs").get(p).get("interventionGoals");
            JsonNode out = back.get("programs").get(p).get("interventionGoals");
            assertEquals(in, out, "goals of program " + p + " read back identical");
        }
        PlanValidation.Result r = PlanValidation.validate(back);
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(new OutcomeGoalDef.Side(null, "CASES_ATTENDED"), r.goals().get(0).denominator());
    }
}
