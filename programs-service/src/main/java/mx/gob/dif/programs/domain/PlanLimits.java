package mx.gob.dif.programs.domain;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.common.rest.ControlCharacters;
import mx.gob.dif.programs.domain.PlanValidation.Problem;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bounds every value of a plan document must keep, wherever it sits (the document keeps fields a unit
 * adds, so they are checked by walking it, not field by field): codes are plain ASCII (a look-alike
 * Cyrillic letter, a quote or a tag in a code would be stored and published to every service), texts
 * have a maximum length, and numbers have at most {@value #MAX_INTEGER_DIGITS} integer digits and
 * {@value #MAX_DECIMALS} decimals (as activity quantities), so {@code 1e400} or {@code 1e-400} never
 * reach the exact arithmetic of the indicators.
 */
final class PlanLimits {
    static final int MAX_TEXT = 4000;
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_DECIMALS = 6;
    private static final Set<String> CODES = Set.of("code", "indicatorCode", "components");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    private PlanLimits() {
    }

    static void check(JsonNode node, String path, String field, List<Problem> problems) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                check(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", field, problems);
            }
        } else if (node.isTextual()) {
            text(node.asText(), path, field, problems);
        } else if (node.isNumber()) {
            number(node.decimalValue(), path, problems);
        }
    }

    private static void text(String value, String path, String field, List<Problem> problems) {
        if (value.length() > MAX_TEXT) {
            problems.add(new Problem(path, "El texto tiene " + value.length() + " caracteres; el máximo es " + MAX_TEXT + "."));
        } else if (ControlCharacters.in(value)) {
            // a JSON body is refused before this (JsonTextGuard); a CSV or XLSX cell reaches here
            problems.add(new Problem(path, "El texto contiene caracteres de control o marcas de dirección del texto; quítelos."));
        } else if (CODES.contains(field) && !value.isBlank() && !CODE.matcher(value.trim()).matches()) {
            problems.add(new Problem(path, "Una clave solo admite letras sin acento, dígitos y los signos . _ / - (sin espacios)."));
        }
    }

    private static void number(BigDecimal value, String path, List<Problem> problems) {
        BigDecimal v = value.stripTrailingZeros();
        int decimals = Math.max(v.scale(), 0);
        int integerDigits = v.precision() - v.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || decimals > MAX_DECIMALS) {
            problems.add(new Problem(path, "El número admite hasta " + MAX_INTEGER_DIGITS + " cifras enteras y " + MAX_DECIMALS
                    + " decimales."));
        }
    }
}
