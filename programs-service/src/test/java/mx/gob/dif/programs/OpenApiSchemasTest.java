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

/** Issue 11's rule for programs-service's public document: every JSON body of every path names its schema. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class OpenApiSchemasTest {

    @Test
    void everyJsonBodyHasANamedSchema() throws Exception {
        JsonNode doc = EventJson.MAPPER.readTree(RestAssured.given().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        assertTrue(doc.path("paths").has("/api/v1/work-plans/import"), "the document lists the plan paths");
        assertTrue(doc.path("paths").has("/api/v1/work-plans/{id}/targets/{code}"), "the document lists the entity paths");
        List<String> unnamed = OpenApiBodies.unnamed(doc);
        assertEquals(List.of(), unnamed, "JSON bodies without a named schema");

        // one report or a list of them, and the answers by name
        JsonNode post = doc.path("paths").path("/api/v1/activities").path("post");
        assertEquals("#/components/schemas/ActivityReport",
                post.path("requestBody").path("content").path("application/json").path("schema").path("oneOf").path(0).path("$ref").asText());
        assertEquals("#/components/schemas/ReportsAccepted",
                post.path("responses").path("202").path("content").path("application/json").path("schema").path("$ref").asText());
        assertTrue(doc.path("components").path("schemas").path("ActivityReport").path("properties").has("quantity"));

        // the same reports as a file, and the template to fill in, by name
        for (String type : List.of("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) {
            assertEquals("#/components/schemas/ActivityReportFile",
                    post.path("requestBody").path("content").path(type).path("schema").path("$ref").asText(), type);
            assertEquals("#/components/schemas/ActivityReportFile", doc.path("paths").path("/api/v1/activities/template")
                    .path("get").path("responses").path("200").path("content").path(type).path("schema").path("$ref").asText(), type);
        }
        assertTrue(doc.path("components").path("schemas").path("ActivityReportFile").path("description").asText().contains("clave_unidad"));
    }
}
