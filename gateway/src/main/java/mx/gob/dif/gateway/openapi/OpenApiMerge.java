package mx.gob.dif.gateway.openapi;

import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges the services' OpenAPI documents into one: their public paths ({@code /api/...}) and their
 * schemas. Two services may name different schemas alike (each generates names from its own
 * records, e.g. {@code Page}); the later one's schema is then renamed {@code <service>.<Name>} and
 * every reference to it in that service's paths and schemas follows, so no body silently shows
 * another service's shape. Identical schemas are shared.
 */
final class OpenApiMerge {
    private static final String REF = "\"#/components/schemas/";
    private final JsonObject paths = new JsonObject();
    private final JsonObject schemas = new JsonObject();

    void add(String service, JsonObject doc) {
        JsonObject own = doc.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
        Map<String, String> renames = new LinkedHashMap<>();
        for (String name : own.fieldNames()) {
            if (schemas.containsKey(name) && !schemas.getValue(name).equals(own.getValue(name))) {
                renames.put(name, service + "." + name);
            }
        }
        JsonObject renamed = renames.isEmpty() ? doc : rename(doc, renames);
        renamed.getJsonObject("paths", new JsonObject()).forEach(p -> {
            if (p.getKey().startsWith("/api/")) {
                paths.put(p.getKey(), p.getValue());
            }
        });
        JsonObject renamedSchemas = renamed.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject());
        renamedSchemas.forEach(c -> schemas.put(renames.getOrDefault(c.getKey(), c.getKey()), c.getValue()));
    }

    private static JsonObject rename(JsonObject doc, Map<String, String> renames) {
        String text = doc.encode();
        for (Map.Entry<String, String> r : renames.entrySet()) {
            text = text.replace(REF + r.getKey() + "\"", REF + r.getValue() + "\"");
        }
        return new JsonObject(text);
    }

    JsonObject paths() {
        return paths;
    }

    JsonObject schemas() {
        return schemas;
    }
}
