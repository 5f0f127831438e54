package mx.gob.dif.e2e;

import io.restassured.RestAssured;
import mx.gob.dif.deploy.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** A user's first minute: the stack comes up and answers through the gateway. */
class PlatformUpIT {

    @BeforeAll
    static void up() {
        Stack stack = PlatformStack.get();
        RestAssured.baseURI = stack.gatewayUrl();
    }

    @Test
    void everyServiceIsHealthyThroughTheGateway() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.programs", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.cases", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.indicators", equalTo("UP"));
    }

    @Test
    void aServiceAnswersThroughTheGatewayWithARequestId() {
        given().header("X-Request-Id", "e2e-1").get("/api/v1/org-units/10005").then()
                .statusCode(200)
                .header("X-Request-Id", "e2e-1")
                .body("code", equalTo("10005"))
                .body("name", notNullValue());
    }

    @Test
    void theGatewayServesOneOpenApiDocumentForTheWholePublicApi() {
        given().get("/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/work-plans/import"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/activities"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/indicators/{code}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/reports/closing"));
    }

    @Test
    void unknownRouteIsAProblem() {
        given().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
