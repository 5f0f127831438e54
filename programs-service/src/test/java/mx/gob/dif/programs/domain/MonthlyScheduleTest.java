package mx.gob.dif.programs.domain;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.events.EventJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of a target's monthly schedule ({@link MonthlySchedule}), alone and through {@link PlanValidation}; no database. */
class MonthlyScheduleTest {
    private static final List<String> CUATRIMESTRAL = List.of("ENE", "ABR", "MAY", "AGO", "SEP", "OCT", "NOV", "DIC");
    private static final String S = "programs[0].actions[0].targets[0].schedule";

    private static JsonNode json(String s) throws Exception {
        return EventJson.MAPPER.readTree(s);
    }

    private static List<BigDecimal> check(String schedule, List<String> calendar, String annual, String method, List<PlanValidation.Problem> problems)
            throws Exception {
        return MonthlySchedule.check(schedule == null ? null : json(schedule), calendar, annual == null ? null : new BigDecimal(annual),
                method, "schedule", problems);
    }

    private static List<BigDecimal> decimals(int... values) {
        List<BigDecimal> out = new ArrayList<>();
        for (int v : values) {
            out.add(BigDecimal.valueOf(v));
        }
        return out;
    }

    @Test
    void threeDeliveriesAYearAddUpToTheAnnualTargetAndEmptyMonthsAreZero() throws Exception {
        List<PlanValidation.Problem> problems = new ArrayList<>();
        List<BigDecimal> s = check("[0,0,0,5000,null,0,0,5000,0,0,0,5000]", CUATRIMESTRAL, "15000", "SUM", problems);
        assertEquals(List.of(), problems);
        assertEquals(decimals(0, 0, 0, 5000, 0, 0, 0, 5000, 0, 0, 0, 5000), s);
    }

    @Test
    void noScheduleIsNull() throws Exception {
        List<PlanValidation.Problem> problems = new ArrayList<>();
        assertNull(check(null, CUATRIMESTRAL, "10", "SUM", problems));
        assertNull(check("null", CUATRIMESTRAL, "10", "SUM", problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyCumulativeMethodMustAddUpToTheAnnualTargetButLevelMethodsNeedNot() throws Exception {
        String schedule = "[10,10,10,10,10,10,10,10,10,10,10,10]";
        for (String method : List.of("SUM", "MAX_QUARTER_SUM", "MAX_SEMESTER_SUM", "COMPOSITE")) {
            List<PlanValidation.Problem> problems = new ArrayList<>();
            assertNull(check(schedule, List.of(), "100", method, problems), method);
            assertEquals(List.of(new PlanValidation.Problem("schedule", "La programación mensual suma 120 y la meta anual es 100; con "
                    + "el método " + method + " los meses deben sumar la meta anual.")), problems, method);
            assertEquals(Collections.nCopies(12, BigDecimal.TEN), check(schedule, List.of(), "120", method, new ArrayList<>()), method);
        }
        for (String method : List.of("MAX_QUARTER_MAX", "AVERAGE", "LAST")) {
            List<PlanValidation.Problem> problems = new ArrayList<>();
            assertEquals(Collections.nCopies(12, BigDecimal.TEN), check(schedule, List.of(), "10", method, problems), method);
            assertEquals(List.of(), problems, method);
        }
    }

    @Test
    void aQuantityInAMonthOutsideTheCalendarIsNamedByItsIndex() throws Exception {
        List<PlanValidation.Problem> problems = new ArrayList<>();
        assertNull(check("[5000,0,5000,0,0,0,0,5000,0,0,0,0]", CUATRIMESTRAL, "15000", "SUM", problems));
        assertEquals(List.of(new PlanValidation.Problem("schedule[2]", "Se programaron 5000 para MAR, pero el programa no opera ese "
                + "mes (calendario: ENE, ABR, MAY, AGO, SEP, OCT, NOV, DIC). Deje 0 o vacío, o agregue MAR al calendario.")), problems);
        List<PlanValidation.Problem> none = new ArrayList<>();
        check("[1,1,1,1,1,1,1,1,1,1,1,1]", List.of(), "12", "SUM", none);
        assertEquals(List.of(), none, "a program without a calendar runs every month");
    }

    @Test
    void theShapeAndEveryMonthAreChecked() throws Exception {
        Map<String, String> cases = Map.of(
                "[1,2,3]", "La programación mensual debe ser una lista de 12 cantidades, de enero a diciembre (0 o vacío en los meses sin "
                        + "entregas); se recibió 3 valor(es).",
                "\"cada mes\"", "La programación mensual debe ser una lista de 12 cantidades, de enero a diciembre (0 o vacío en los meses "
                        + "sin entregas); se recibió 'cada mes'.");
        cases.forEach((schedule, message) -> {
            List<PlanValidation.Problem> problems = new ArrayList<>();
            try {
                assertNull(check(schedule, List.of(), "6", "SUM", problems));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertEquals(List.of(new PlanValidation.Problem("schedule", message)), problems, schedule);
        });
        List<PlanValidation.Problem> problems = new ArrayList<>();
        assertNull(check("[1,-1,\"dos\",0,0,0,0,0,0,0,0,0]", List.of(), "0", "SUM", problems));
        assertEquals(List.of(new PlanValidation.Problem("schedule[1]", "La cantidad programada para FEB no puede ser negativa (-1)."),
                new PlanValidation.Problem("schedule[2]", "La cantidad programada para MAR debe ser un número; se recibió 'dos'.")), problems,
                "month problems are reported, and the sum is not checked on top of them");
    }

    @Test
    void anInvalidAnnualTargetOrMethodLeavesTheSumUnchecked() throws Exception {
        List<PlanValidation.Problem> problems = new ArrayList<>();
        assertEquals(Collections.nCopies(12, BigDecimal.ONE), check("[1,1,1,1,1,1,1,1,1,1,1,1]", List.of(), null, "SUM", problems));
        assertEquals(Collections.nCopies(12, BigDecimal.ONE), check("[1,1,1,1,1,1,1,1,1,1,1,1]", List.of(), "5", "MEDIANA", problems));
        assertEquals(List.of(), problems);
    }

    @Test
    void thePlanValidationCarriesTheScheduleIntoTheTargetAndNamesItsPath() throws Exception {
        PlanValidation.Result ok = PlanValidation.validate(json("""
                {"programs":[{"code":"P-03","name":"Becas","calendarMonths":["ENE","ABR","MAY","AGO","SEP","OCT","NOV","DIC"],"actions":[
                  {"code":"P-03-03","description":"Becas en tres entregas","targets":[
                    {"indicatorCode":"P-03-03","unit":"Beca","target":15000,"schedule":[0,0,0,5000,0,0,0,5000,0,0,0,5000]},
                    {"indicatorCode":"P-03-04","unit":"Apoyo","target":30}]}]}]}"""));
        assertTrue(ok.ok(), ok.problems().toString());
        assertEquals(decimals(0, 0, 0, 5000, 0, 0, 0, 5000, 0, 0, 0, 5000), ok.targets().get(0).schedule());
        assertNull(ok.targets().get(1).schedule(), "a target without a schedule has none");

        PlanValidation.Result bad = PlanValidation.validate(json("""
                {"programs":[{"code":"P-04","name":"Paquetes","calendarMonths":["MAR","JUN","SEP","DIC"],"actions":[
                  {"code":"P-04-01","description":"Paquetes trimestrales","targets":[
                    {"indicatorCode":"P-04-01","unit":"Paquete","target":100,"schedule":[0,0,25,0,0,25,0,0,25,0,0,20]}]}]}]}"""));
        assertEquals(List.of(new PlanValidation.Problem(S, "La programación mensual suma 95 y la meta anual es 100; con el método SUM "
                + "los meses deben sumar la meta anual.")), bad.problems());
    }
}
