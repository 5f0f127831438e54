package mx.gob.dif.gateway.openapi;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiMergeTest {
    private static JsonObject doc(String path, String schemaName, JsonObject schema, JsonObject extra) {
        JsonObject schemas = new JsonObject().put(schemaName, schema);
        extra.forEach(e -> schemas.put(e.getKey(), e.getValue()));
        JsonObject op = new JsonObject().put("responses", new JsonObject().put("200", new JsonObject().put("content",
                new JsonObject().put("application/json", new JsonObject().put("schema",
                        new JsonObject().put("$ref", "#/components/schemas/" + schemaName))))));
        return new JsonObject()
                .put("paths", new JsonObject().put(path, new JsonObject().put("get", op)).put("/q/health", new JsonObject()))
                .put("components", new JsonObject().put("schemas", schemas));
    }

    private static JsonObject object(String... fields) {
        JsonObject props = new JsonObject();
        for (String f : fields) {
            props.put(f, new JsonObject().put("type", "string"));
        }
        return new JsonObject().put("type", "object").put("properties", props);
    }

    private static String ref(JsonObject merged, String path) {
        return merged.getJsonObject(path).getJsonObject("get").getJsonObject("responses").getJsonObject("200")
                .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema").getString("$ref");
    }

    @Test
    void differentSchemasWithTheSameNameKeepTheirOwnShapes() {
        OpenApiMerge m = new OpenApiMerge();
        JsonObject casesPage = object("items", "caseCount");
        JsonObject programsPage = object("items", "planCount");
        JsonObject programsItem = new JsonObject().put("type", "object").put("properties", new JsonObject()
                .put("page", new JsonObject().put("$ref", "#/components/schemas/Page")));
        m.add("cases", doc("/api/v1/cases", "Page", casesPage, new JsonObject()));
        m.add("programs", doc("/api/v1/programs", "Page", programsPage, new JsonObject().put("Item", programsItem)));

        assertEquals(casesPage, m.schemas().getJsonObject("Page"));
        assertEquals(programsPage, m.schemas().getJsonObject("programs.Page"));
        assertEquals("#/components/schemas/Page", ref(m.paths(), "/api/v1/cases"));
        assertEquals("#/components/schemas/programs.Page", ref(m.paths(), "/api/v1/programs"));
        assertEquals("#/components/schemas/programs.Page",
                m.schemas().getJsonObject("Item").getJsonObject("properties").getJsonObject("page").getString("$ref"),
                "references inside the renamed service's own schemas follow the rename");
    }

    @Test
    void identicalSchemasAreSharedAndOnlyPublicPathsAreKept() {
        OpenApiMerge m = new OpenApiMerge();
        m.add("cases", doc("/api/v1/cases", "Problem", object("title", "detail"), new JsonObject()));
        m.add("programs", doc("/api/v1/programs", "Problem", object("title", "detail"), new JsonObject()));

        assertEquals(1, m.schemas().size());
        assertEquals("#/components/schemas/Problem", ref(m.paths(), "/api/v1/programs"));
        assertTrue(m.paths().containsKey("/api/v1/cases"));
        assertFalse(m.paths().containsKey("/q/health"));
    }
}
