package mx.gob.dif.common.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Issue 11's rule for the public document: every JSON request body and every JSON success
 * response names its schema (a {@code $ref} into {@code components/schemas}, or an array of one),
 * so integrators see fields instead of a bare "object". Used by each service's OpenAPI test.
 */
public final class OpenApiBodies {
    private OpenApiBodies() {
    }

    /** "POST /api/v1/x request", "GET /api/v1/y 200" … for every JSON body without a named schema. */
    public static List<String> unnamed(JsonNode openapi) {
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                check(op.getValue().path("requestBody").path("content"), where + " request", missing);
                for (Iterator<Map.Entry<String, JsonNode>> rs = op.getValue().path("responses").fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    if (r.getKey().startsWith("2")) {
                        check(r.getValue().path("content"), where + " " + r.getKey(), missing);
                    }
                }
            }
        }
        return missing;
    }

    private static void check(JsonNode content, String where, List<String> missing) {
        for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> m = media.next();
            if (m.getKey().contains("json") && !named(m.getValue().path("schema"))) {
                missing.add(where + " (" + m.getKey() + ")");
            }
        }
    }

    private static boolean named(JsonNode schema) {
        if (schema.has("$ref")) {
            return true;
        }
        if ("array".equals(schema.path("type").asText()) && schema.path("items").has("$ref")) {
            return true;
        }
        // one body, or a list of the same bodies (a batch): both name the item's schema
        JsonNode any = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
        if (any != null && any.isArray() && !any.isEmpty()) {
            for (JsonNode alternative : any) {
                if (!named(alternative)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
