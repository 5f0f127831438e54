package mx.gob.dif.programs;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import mx.gob.dif.common.openapi.OpenApiBodies;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.EventJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every JSON request and success body of this service's OpenAPI document names its schema, so the
 * merged document shows integrators fields instead of a bare "object".
 * For now it checks the activity endpoints only; the work-plan helper of issue 11 extends it to
 * every path (drop the filter) once the plan endpoints are typed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class OpenApiSchemasTest {
    private static final String ACTIVITIES = "/api/v1/activities";

    @Test
    void everyActivityBodyHasANamedSchema() throws Exception {
        JsonNode doc = EventJson.MAPPER.readTree(RestAssured.given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        assertTrue(doc.path("paths").has(ACTIVITIES), "the activity endpoints are in the document");
        List<String> unnamed = OpenApiBodies.unnamed(doc).stream()
                .filter(where -> where.substring(where.indexOf(' ') + 1).startsWith(ACTIVITIES))
                .toList();
        assertEquals(List.of(), unnamed);

        // one report or a list of them, and the answers by name
        JsonNode post = doc.path("paths").path(ACTIVITIES).path("post");
        assertEquals("#/components/schemas/ActivityReport",
                post.path("requestBody").path("content").path("application/json").path("schema").path("oneOf").path(0).path("$ref").asText());
        assertEquals("#/components/schemas/ReportsAccepted",
                post.path("responses").path("202").path("content").path("application/json").path("schema").path("$ref").asText());
        assertTrue(doc.path("components").path("schemas").path("ActivityReport").path("properties").has("quantity"));
    }
}
