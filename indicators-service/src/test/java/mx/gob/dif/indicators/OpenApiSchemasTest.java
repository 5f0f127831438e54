package mx.gob.dif.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import mx.gob.dif.common.openapi.OpenApiBodies;
import mx.gob.dif.deploy.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every JSON body of the service's API has a named schema in its OpenAPI document (typed records, no bare "object"). */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_indicators"))
class OpenApiSchemasTest {

    @Test
    void everyJsonBodyHasANamedSchema() throws Exception {
        String json = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonNode doc = new ObjectMapper().readTree(json);
        assertEquals(List.of(), OpenApiBodies.unnamed(doc));
        // the check ran over the real document: the indicator endpoint and its schema are there
        assertTrue(doc.path("paths").has("/api/v1/indicators/{code}"), "paths of the document");
        assertTrue(doc.path("components").path("schemas").has("IndicatorValue"), "IndicatorValue schema");
        assertTrue(doc.path("components").path("schemas").has("ClosingReport"), "ClosingReport schema");
    }
}
