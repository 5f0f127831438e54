package mx.gob.dif.programs;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.common.testing.Race;
import mx.gob.dif.deploy.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two first imports of one plan at once: one creates it, the others get a 409 in Spanish, never a 500. */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_programs"))
class ConcurrentImportTest {
    static final int CALLS = 5;

    @Inject
    AgroalDataSource db;

    @Test
    void simultaneousFirstImportsOfOnePlanCreateItOnce() throws Exception {
        String plan = """
                {"orgUnit":"10007","fiscalYear":2045,"programs":[{"code":"R-01","name":"Programa ficticio","calendarMonths":["ENE"],
                 "actions":[{"code":"R-01-01","description":"Acción","targets":[{"indicatorCode":"R-01-01-01","unit":"Persona","target":10}]}]}]}""";
        List<Response> answers = Race.run(db, "work_plan", CALLS, i -> RestAssured.given().auth().oauth2(TestTokens.administrator())
                .contentType("application/json").body(plan).post("/api/v1/work-plans/import"));

        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 201).count(),
                () -> "exactly one 201: " + answers.stream().map(Response::statusCode).toList());
        for (Response r : answers.stream().filter(r -> r.statusCode() != 201).toList()) {
            r.then().statusCode(409).contentType("application/problem+json").body("detail", containsString("al mismo tiempo"));
        }
        RestAssured.given().auth().oauth2(TestTokens.administrator()).get("/api/v1/work-plans?orgUnit=10007&fiscalYear=2045")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].revision", equalTo(1));
    }
}
