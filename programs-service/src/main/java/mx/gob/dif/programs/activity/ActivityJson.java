package mx.gob.dif.programs.activity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.events.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON bodies of {@link ActivityResource} into {@link ActivityReport} and
 * {@link RetractionRequest}. Hand-written instead of bound by Jackson on purpose: the API answers a
 * batch with 422 and one error per rejected item with its index, so a quantity written as text or a
 * note sent as an object must become an error of that item ({@link ReportInput#wrongType}), where a
 * binding would fail the whole request with one 400. Malformed JSON (including trailing garbage and
 * repeated fields) is still one 400: there is nothing to guess about.
 */
final class ActivityJson {
    private static final ObjectReader JSON = EventJson.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ActivityJson() {
    }

    /** One report (an object) or a list of them (an array), in request order. */
    static List<ReportInput> reports(InputStream body) throws IOException {
        JsonNode node = tree(body);
        if (node == null) {
            throw ProblemException.badRequest("El cuerpo está vacío: envíe un reporte o una lista de reportes en JSON.");
        }
        if (node.isObject()) {
            return List.of(report(node));
        }
        if (!node.isArray()) {
            throw ProblemException.badRequest("Envíe un reporte (objeto JSON) o una lista de reportes (arreglo JSON).");
        }
        List<ReportInput> items = new ArrayList<>(node.size());
        node.forEach(item -> items.add(report(item)));
        return items;
    }

    static ReportInput report(JsonNode item) {
        if (item == null || !item.isObject()) {
            return ReportInput.NOT_AN_OBJECT;
        }
        Map<String, String> wrong = new HashMap<>(2);
        ActivityReport report = new ActivityReport(text(item, "id", wrong), scalar(item, "indicator"), scalar(item, "orgUnit"),
                text(item, "date", wrong), number(item, "quantity", wrong), text(item, "note", wrong));
        return wrong.isEmpty() ? ReportInput.of(report) : new ReportInput(report, wrong);
    }

    /** The optional body of a retraction: none, {@code null} or {@code {"reason": "texto"}}. */
    static RetractionRequest retraction(InputStream body) throws IOException {
        JsonNode n = tree(body);
        if (n == null || n.isNull()) {
            return new RetractionRequest(null);
        }
        JsonNode reason = n.isObject() ? n.get("reason") : null;
        if (!n.isObject() || (reason != null && !reason.isNull() && !reason.isTextual())) {
            throw ProblemException.unprocessable("El cuerpo del retiro es opcional; si se envía debe ser {\"reason\": \"texto\"}.",
                    List.of(Problem.FieldError.of(null, "reason", "El motivo debe ser texto.")));
        }
        return new RetractionRequest(reason == null || reason.isNull() ? null : reason.asText());
    }

    /** The body as a tree; null when there is none. */
    private static JsonNode tree(InputStream body) throws IOException {
        JsonNode node = body == null ? null : JSON.readTree(body);
        return node == null || node.isMissingNode() ? null : node;
    }

    /** A text field; null when absent or null; any other JSON type goes to {@code wrong}. */
    private static String text(JsonNode item, String field, Map<String, String> wrong) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            wrong.put(field, ReportValidator.shown(v.toString()));
            return null;
        }
        return v.asText();
    }

    /** A code: text or a number (an INEGI key written as 10005) is read as text; an object or array counts as missing. */
    private static String scalar(JsonNode item, String field) {
        JsonNode v = item.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }

    /** A JSON number, exact; text ("80"), booleans and the rest go to {@code wrong}. */
    private static BigDecimal number(JsonNode item, String field, Map<String, String> wrong) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            wrong.put(field, v.isTextual() ? ReportValidator.quoted(v.asText()) : ReportValidator.shown(v.toString()));
            return null;
        }
        return v.decimalValue();
    }
}
