package mx.gob.dif.cases;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import mx.gob.dif.common.openapi.OpenApiBodies;
import mx.gob.dif.deploy.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every JSON body of the cases API has a named schema in the OpenAPI document (issue 11). */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_cases"))
class OpenApiSchemasTest {

    @Test
    void everyJsonBodyOfTheCasesApiHasANamedSchema() {
        JsonNode doc = CaseTestSupport.json(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        assertTrue(doc.path("paths").has("/api/v1/cases"), "the document lists the cases API");
        assertTrue(doc.path("paths").has("/api/v1/webhooks"), "the document lists the webhook API");
        assertEquals(List.of(), OpenApiBodies.unnamed(doc));
    }

    @Test
    void requestsNameTheirFieldsAndLimits() {
        JsonNode schemas = CaseTestSupport.json(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString())
                .path("components").path("schemas");
        assertEquals(18, schemas.path("BeneficiaryRequest").path("properties").path("curp").path("maxLength").asInt());
        assertEquals("object", schemas.path("CaseDetail").path("type").asText());
        assertTrue(schemas.path("CaseDetail").path("properties").has("case"), "the case detail keeps its 'case' field");
    }
}
