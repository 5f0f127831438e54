package mx.gob.dif.programs.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Bodies from the hostile-input corpus (e2e HostileInputIT) that programs-service answered with an
 * empty 400, an English "HTTP 400 Bad Request", a 500 or by storing them: each now gets a Spanish
 * problem, and nothing of it is stored (fiscal year 2016 of 10005: no other test plans it).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class HostileBodiesTest {
    private static final String PLAN = "{\"orgUnit\":\"10005\",\"fiscalYear\":2016,\"unit\":\"Prueba\",\"programs\":[{\"code\":\"%s\",\"name\":\"%s\","
            + "\"actions\":[{\"code\":\"HB-01-01\",\"description\":\"d\",\"targets\":[{\"indicatorCode\":\"HB-01-01\",\"unit\":\"u\",\"target\":1}]}]}]}";

    private static RequestSpecification admin() {
        return RestAssured.given().auth().oauth2(TestTokens.administrator()).contentType("application/json");
    }

    @Test
    void jsonThatDoesNotParseIsASpanishProblem() {
        admin().body("{\"orgUnit\":\"100").post("/api/v1/work-plans").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("JSON inválido"))
                .body("detail", containsString("no es JSON válido"));
    }

    @Test
    void aBodyOfTheWrongShapeIsASpanishProblemNamingTheField() {
        admin().body("12345").post("/api/v1/work-plans").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("no tiene la forma esperada"));
        admin().body("{\"orgUnit\":{\"$gt\":\"\"},\"fiscalYear\":2016}").post("/api/v1/work-plans").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'orgUnit'"));
    }

    @Test
    void aControlCharacterInAnyTextIsRefusedBeforeAnythingIsStored() {
        admin().body(PLAN.formatted("HB-01", "Programa\\u0000")).post("/api/v1/work-plans/import").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("U+0000"));
        admin().body(PLAN.formatted("HB-01", "\u202eProgram")).post("/api/v1/work-plans/import").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("U+202E"));
        admin().get("/api/v1/programs/HB-01?orgUnit=10005&fiscalYear=2016").then().statusCode(404);
    }

    @Test
    void aCodeThatIsNotPlainAsciiOrAHugeTargetIsA422() {
        admin().body(PLAN.formatted("HB-01' OR '1'='1", "Programa")).post("/api/v1/work-plans/import").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("programs[0].code"));
        admin().body(PLAN.formatted("HB-01", "Programa").replace("\"target\":1", "\"target\":1e400")).post("/api/v1/work-plans/import")
                .then().statusCode(422).body("errors[0].field", equalTo("programs[0].actions[0].targets[0].target"));
        admin().get("/api/v1/programs/HB-01?orgUnit=10005&fiscalYear=2016").then().statusCode(404);
    }
}
