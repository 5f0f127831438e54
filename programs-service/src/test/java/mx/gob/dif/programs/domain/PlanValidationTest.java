package mx.gob.dif.programs.domain;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.events.EventJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule of {@link PlanValidation} on programs, actions and targets, with its path and Spanish message; no database. */
class PlanValidationTest {
    private static final String T = "programs[0].actions[0].targets[0]";

    static JsonNode json(String s) throws Exception {
        return EventJson.MAPPER.readTree(s);
    }

    /** A plan of one program with one action whose only target is the given JSON object. */
    static JsonNode withTarget(String target) throws Exception {
        return json("""
                {"programs":[{"code":"P-01","name":"Uno","actions":[{"code":"P-01-01","description":"a","targets":[%s]}]}]}"""
                .formatted(target));
    }

    static Map<String, String> problems(PlanValidation.Result r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.problems().forEach(p -> out.merge(p.field(), p.message(), (a, b) -> a + " | " + b));
        return out;
    }

    @Test
    void aPlanWithoutProgramsIsRejectedUnlessBuiltEntityByEntity() throws Exception {
        for (String plan : List.of("{}", "{\"programs\":null}", "{\"programs\":[]}", "{\"programs\":\"P-01\"}")) {
            PlanValidation.Result r = PlanValidation.validate(json(plan));
            assertEquals(Map.of("programs", "El plan debe tener al menos un programa en 'programs'."), problems(r), plan);
            assertEquals(List.of(0, 0, 0), List.of(r.programs(), r.actions(), r.outcomeGoals()));
        }
        for (String plan : List.of("{}", "{\"programs\":null}", "{\"programs\":[]}")) {
            PlanValidation.Result r = PlanValidation.validate(json(plan), true);
            assertTrue(r.ok(), plan);
            assertTrue(r.targets().isEmpty() && r.goals().isEmpty());
        }
        assertEquals(List.of("programs"), PlanValidation.validate(json("{\"programs\":\"P-01\"}"), true).problems().stream()
                .map(PlanValidation.Problem::field).toList(), "a programs value that is not a list is wrong even when empty is allowed");
    }

    @Test
    void aValidTargetBecomesADefinitionWithItsProgramAndAction() throws Exception {
        PlanValidation.Result r = PlanValidation.validate(json("""
                {"programs":[{"code":" P-01 ","name":"Uno","calendarMonths":["mar"," dic "],"actions":[
                  {"code":"P-01-01","description":"a","targets":[
                    {"indicatorCode":"P-01-01","unit":"Visita","target":10.5},
                    {"indicatorCode":"P-01-02","unit":"Caso","target":0,"method":"LAST","caseMetric":" CASES_ATTENDED "}]}]}]}"""));
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(List.of(1, 1, 0), List.of(r.programs(), r.actions(), r.outcomeGoals()));
        assertEquals(List.of(
                new PlanTargetDef("P-01", "Uno", "P-01-01", "a", "P-01-01", "Visita", new BigDecimal("10.5"), "SUM", List.of(),
                        List.of("MAR", "DIC"), null),
                new PlanTargetDef("P-01", "Uno", "P-01-01", "a", "P-01-02", "Caso", BigDecimal.ZERO, "LAST", List.of(),
                        List.of("MAR", "DIC"), "CASES_ATTENDED")), r.targets());
    }

    @Test
    void programRules() throws Exception {
        PlanValidation.Result r = PlanValidation.validate(json("""
                {"programs":[
                  {"name":" ","calendarMonths":"ENE","investment":{"total":-1,"municipal":"mil","otherSources":5},"actions":[]},
                  {"code":"P-02","name":"Dos","calendarMonths":["ENE","ENERO",3],"investment":null},
                  {"code":"P-02","name":"Tres","actions":"ninguna"},
                  "no es un programa"]}"""));
        assertEquals(Map.of(
                "programs[0].code", "Falta la clave del programa.",
                "programs[0].name", "Falta el nombre del programa.",
                "programs[0].calendarMonths", "La calendarización debe ser una lista de meses (ENE … DIC).",
                "programs[0].investment.total", "La inversión 'total' debe ser un número no negativo; se recibió '-1'.",
                "programs[0].investment.municipal", "La inversión 'municipal' debe ser un número no negativo; se recibió 'mil'.",
                "programs[1].calendarMonths[1]", "'ENERO' no es un mes válido; use ENE, FEB, MAR, ABR, MAY, JUN, JUL, AGO, SEP, OCT, NOV o DIC.",
                "programs[1].calendarMonths[2]", "'3' no es un mes válido; use ENE, FEB, MAR, ABR, MAY, JUN, JUL, AGO, SEP, OCT, NOV o DIC.",
                "programs[1].actions", "El programa debe tener una lista de acciones en 'actions'.",
                "programs[2].code", "La clave de programa 'P-02' está repetida.",
                "programs[2].actions", "El programa debe tener una lista de acciones en 'actions'."), withoutLast(problems(r), 3));
        assertEquals(List.of("programs[3].code", "programs[3].name", "programs[3].actions"),
                r.problems().subList(r.problems().size() - 3, r.problems().size()).stream().map(PlanValidation.Problem::field).toList());
        assertEquals(4, r.programs());
    }

    private static Map<String, String> withoutLast(Map<String, String> m, int n) {
        Map<String, String> out = new LinkedHashMap<>();
        m.entrySet().stream().limit(m.size() - n).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Test
    void actionCodesAreRequiredAndUniqueInTheWholePlan() throws Exception {
        PlanValidation.Result r = PlanValidation.validate(json("""
                {"programs":[{"code":"P-01","name":"Uno","actions":[{"targets":[]},{"code":"A","targets":null}]},
                             {"code":"P-02","name":"Dos","actions":[{"code":"A","targets":[]}]}]}"""));
        assertEquals(Map.of(
                "programs[0].actions[0].code", "Falta la clave de la acción.",
                "programs[0].actions[1].targets", "La acción debe tener una lista de metas en 'targets'.",
                "programs[1].actions[0].code", "La clave de acción 'A' está repetida."), problems(r));
        assertEquals(3, r.actions());
    }

    @Test
    void targetFieldsAreRequiredAndTheQuantityIsANonNegativeNumber() throws Exception {
        assertEquals(Map.of(T + ".indicatorCode", "Falta la clave del indicador.",
                        T + ".unit", "Falta la unidad de medida de la meta.",
                        T + ".target", "Falta la cantidad de la meta anual."),
                problems(PlanValidation.validate(withTarget("{\"indicatorCode\":\" \",\"unit\":null,\"target\":null}"))));
        assertEquals(Map.of(T + ".target", "La meta anual debe ser un número; se recibió 'diez'."),
                problems(PlanValidation.validate(withTarget("{\"indicatorCode\":\"I\",\"unit\":\"u\",\"target\":\"diez\"}"))));
        PlanValidation.Result negative = PlanValidation.validate(withTarget("{\"indicatorCode\":\"I\",\"unit\":\"u\",\"target\":-0.50}"));
        assertEquals(Map.of(T + ".target", "La meta anual no puede ser negativa (-0.50)."), problems(negative));
        assertTrue(negative.targets().isEmpty(), "a target with a bad quantity is not indexed");
    }

    @Test
    void indicatorCodesAreUniqueInThePlan() throws Exception {
        PlanValidation.Result r = PlanValidation.validate(json("""
                {"programs":[{"code":"P-01","name":"Uno","actions":[
                  {"code":"A","targets":[{"indicatorCode":"I","unit":"u","target":1}]},
                  {"code":"B","targets":[{"indicatorCode":"I","unit":"u","target":2}]}]}]}"""));
        assertEquals(Map.of("programs[0].actions[1].targets[0].indicatorCode", "La clave de indicador 'I' está repetida en el plan."),
                problems(r));
    }

    @Test
    void anUnknownMethodIsNamedWithTheAllowedOnes() throws Exception {
        assertEquals(Map.of(T + ".method", "Método de medición desconocido 'MEDIA'. Use uno de: SUM, MAX_QUARTER_MAX, "
                        + "MAX_QUARTER_SUM, MAX_SEMESTER_SUM, AVERAGE, LAST, COMPOSITE."),
                problems(PlanValidation.validate(withTarget("{\"indicatorCode\":\"I\",\"unit\":\"u\",\"target\":1,\"method\":\"MEDIA\"}"))));
    }

    @Test
    void compositeTargetsNameOtherNonCompositeIndicatorsOfThePlan() throws Exception {
        PlanValidation.Result r = PlanValidation.validate(withTarget("""
                {"indicatorCode":"C1","unit":"u","target":1,"method":"COMPOSITE"},
                {"indicatorCode":"C2","unit":"u","target":1,"method":"COMPOSITE","components":["S","NO","C1"]},
                {"indicatorCode":"S","unit":"u","target":1}"""));
        String t0 = "programs[0].actions[0].targets[0]";
        String t1 = "programs[0].actions[0].targets[1]";
        assertEquals(List.of(
                new PlanValidation.Problem(t0 + ".components", "Un indicador COMPOSITE debe listar sus indicadores componentes en 'components'."),
                new PlanValidation.Problem(t1 + ".components", "El componente 'NO' no es un indicador de este plan."),
                new PlanValidation.Problem(t1 + ".components", "El componente 'C1' es a su vez COMPOSITE; no se permiten anidados.")),
                r.problems());
        assertEquals(List.of("S", "NO", "C1"), r.targets().get(1).components());
    }

    @Test
    void aCaseMetricIsOneOfTheKnownOnesAndNotOnACompositeTarget() throws Exception {
        String unknown = "Métrica de casos desconocida '%s'. Déjela vacía (la meta se cuenta de los informes de actividad) o use una de: "
                + "CASES_ATTENDED, CASES_ENROLLED, CASES_REFERRED, REFERRAL_LETTERS_ISSUED, FOLLOW_UP_REPORTS_DELIVERED, INTERVENTIONS.";
        assertEquals(Map.of(T + ".caseMetric", unknown.formatted("CASOS")),
                problems(PlanValidation.validate(withTarget("{\"indicatorCode\":\"I\",\"unit\":\"u\",\"target\":1,\"caseMetric\":\"CASOS\"}"))));
        assertEquals(Map.of(T + ".caseMetric", unknown.formatted("7")),
                problems(PlanValidation.validate(withTarget("{\"indicatorCode\":\"I\",\"unit\":\"u\",\"target\":1,\"caseMetric\":7}"))));
        PlanValidation.Result composite = PlanValidation.validate(withTarget("""
                {"indicatorCode":"I","unit":"u","target":1,"method":"COMPOSITE","components":["J"],"caseMetric":"INTERVENTIONS"},
                {"indicatorCode":"J","unit":"u","target":1,"caseMetric":null}"""));
        assertEquals(Map.of(T + ".caseMetric", "Una meta COMPOSITE se calcula de sus componentes y no puede contarse además desde casos; "
                + "quite 'caseMetric' o cambie el método."), problems(composite));
        assertEquals(java.util.Arrays.asList(null, null), composite.targets().stream().map(PlanTargetDef::caseMetric).toList());
    }

    @Test
    void goalEntriesThatAreNotObjectsAreCountedButNotRead() throws Exception {
        PlanValidation.Result r = PlanValidation.validate(json("""
                {"programs":[{"code":"P-01","name":"Uno","interventionGoals":["texto", {"code":5,"goal":"g"},
                  {"numerator":{"indicator":7},"denominator":{"caseMetric":"CASES_ATTENDED"}}],"actions":[]},
                  {"name":"Sin clave","interventionGoals":[{"goal":"g"}],"actions":[]},
                  {"code":"P-03","name":"Tres","interventionGoals":"ninguna","actions":[]}]}"""));
        assertEquals(Map.of(
                "programs[0].interventionGoals[1].code", "La clave de la meta de intervención debe ser texto.",
                "programs[0].interventionGoals[2].numerator.indicator", "La clave del indicador del numerador debe ser texto no vacío.",
                "programs[1].code", "Falta la clave del programa."), problems(r));
        assertEquals(4, r.outcomeGoals());
        assertEquals(List.of("5", "P-01-M3", "?-M1"), r.goals().stream().map(OutcomeGoalDef::code).toList());
    }
}
