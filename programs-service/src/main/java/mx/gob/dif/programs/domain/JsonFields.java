package mx.gob.dif.programs.domain;

import com.fasterxml.jackson.databind.JsonNode;
import mx.gob.dif.events.TargetChanged;

import java.math.BigDecimal;
import java.util.List;

/** How the validation rules read values out of a plan document, and the checks they share. */
final class JsonFields {

    private JsonFields() {
    }

    /** A scalar field as trimmed text; null when missing, null, not a scalar or blank. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    static boolean present(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode();
    }

    /** A case metric as written, for messages: trimmed text, or the JSON of a non-text value. */
    static String shown(JsonNode metric) {
        return metric.isTextual() ? metric.asText().trim() : metric.toString();
    }

    static boolean knownCaseMetric(JsonNode metric) {
        return metric.isTextual() && TargetChanged.CASE_METRICS.contains(shown(metric));
    }

    /**
     * A number that may not be negative (a target quantity, a percentage); null, with the problem
     * added, when it is not. {@code what} names it in the messages, {@code example} follows "número".
     */
    static BigDecimal nonNegative(JsonNode n, String path, String what, String example, List<PlanValidation.Problem> problems) {
        if (!n.isNumber()) {
            problems.add(new PlanValidation.Problem(path, what + " debe ser un número" + example + "; se recibió '" + n.asText() + "'."));
            return null;
        }
        if (n.decimalValue().signum() < 0) {
            problems.add(new PlanValidation.Problem(path, what + " no puede ser negativa (" + n.decimalValue().toPlainString() + ")."));
            return null;
        }
        return n.decimalValue();
    }

    /**
     * Reports a text field longer than its column (or than the entity API accepts for it): the message
     * names what it is and the limit; {@code what} is its Spanish name ("La clave del programa").
     */
    static void maxLength(JsonNode node, String field, String path, int max, String what, List<PlanValidation.Problem> problems) {
        JsonNode v = node == null ? null : node.get(field);
        if (v != null && v.isValueNode() && v.asText().length() > max) {
            problems.add(new PlanValidation.Problem(path + "." + field, what + " admite hasta " + max + " caracteres; tiene "
                    + v.asText().length() + "."));
        }
    }
}
