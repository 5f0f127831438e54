package mx.gob.dif.programs.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static mx.gob.dif.programs.domain.PlanValidationTest.json;
import static mx.gob.dif.programs.domain.PlanValidationTest.problems;
import static mx.gob.dif.programs.domain.PlanValidationTest.withTarget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bounds of every value of a plan (found in the hostile-input corpus: each of these was stored as sent). */
class PlanLimitsTest {
    private static final String T = "programs[0].actions[0].targets[0]";

    @Test
    void codesArePlainAscii() throws Exception {
        for (String code : new String[]{"10005' OR '1'='1", "<script>x</script>", "1\u041e\u041e5", "P 01"}) {
            String plan = "{\"programs\":[{\"code\":\"P-01\",\"name\":\"Uno\",\"actions\":[{\"code\":\"A-1\",\"description\":\"a\",\"targets\":["
                    + "{\"indicatorCode\":\"" + code.replace("\"", "\\\"") + "\",\"unit\":\"u\",\"target\":1}]}]}]}";
            assertTrue(problems(PlanValidation.validate(json(plan))).get(T + ".indicatorCode").contains("solo admite letras sin acento"), code);
        }
        assertTrue(PlanValidation.validate(withTarget("{\"indicatorCode\":\"DIF-01.03/b_2\",\"unit\":\"u\",\"target\":1}")).ok());
    }

    @Test
    void numbersKeepFifteenIntegerDigitsAndSixDecimals() throws Exception {
        for (String n : new String[]{"1e400", "1e-400", "9223372036854775808", "0.0000001"}) {
            Map<String, String> p = problems(PlanValidation.validate(withTarget("{\"indicatorCode\":\"I-1\",\"unit\":\"u\",\"target\":" + n + "}")));
            assertEquals("El número admite hasta 15 cifras enteras y 6 decimales.", p.get(T + ".target"), n);
        }
        assertTrue(PlanValidation.validate(withTarget("{\"indicatorCode\":\"I-1\",\"unit\":\"u\",\"target\":999999999999999.123456}")).ok());
        assertTrue(PlanValidation.validate(withTarget("{\"indicatorCode\":\"I-1\",\"unit\":\"u\",\"target\":1.50000000}")).ok());
    }

    @Test
    void textsHaveAMaximumAndTheUnitNameIsText() throws Exception {
        String plan = "{\"unit\":{\"x\":1},\"programs\":[{\"code\":\"P-01\",\"name\":\"" + "n".repeat(4001)
                + "\",\"observaciones\":\"" + "o".repeat(4001)
                + "\",\"actions\":[{\"code\":\"A-1\",\"description\":\"a\",\"targets\":[{\"indicatorCode\":\"I-1\",\"unit\":\"u\",\"target\":1}]}]}]}";
        List<PlanValidation.Problem> all = PlanValidation.validate(json(plan)).problems();
        Map<String, String> p = problems(PlanValidation.validate(json(plan)));
        // a field its own rule bounds gets that rule's message only; any other text the general maximum
        assertEquals("El nombre del programa admite hasta 500 caracteres; tiene 4001.", p.get("programs[0].name"));
        assertEquals(1, all.stream().filter(x -> x.field().equals("programs[0].name")).count(), all.toString());
        assertEquals("El texto tiene 4001 caracteres; el máximo es 4000.", p.get("programs[0].observaciones"));
        assertEquals("El nombre de la unidad ('unit') debe ser un texto.", p.get("unit"));
    }
}
