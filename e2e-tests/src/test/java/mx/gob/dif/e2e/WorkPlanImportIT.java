package mx.gob.dif.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

/** Issue 3 through the gateway: the municipal 2021 plan imported and read back. */
class WorkPlanImportIT {

    @BeforeAll
    static void gateway() {
        Api.useGateway();
    }

    @Test
    void theDurangoPlanImportsWithTheDocumentsOwnTotalsAndIsIdempotent() throws Exception {
        String plan = Api.demoPlan("10005", 2021);
        given().contentType("application/json").body(plan).post("/api/v1/work-plans/import")
                .then().statusCode(oneOf(200, 201))
                .body("programs", equalTo(19)).body("actions", equalTo(100)).body("targets", equalTo(101));
        given().contentType("application/json").body(plan).post("/api/v1/work-plans/import")
                .then().statusCode(200)
                .body("programs", equalTo(19)).body("actions", equalTo(100)).body("targets", equalTo(101));

        given().get("/api/v1/programs/DIF-04?orgUnit=10005&fiscalYear=2021").then().statusCode(200)
                .body("calendarMonths", contains("MAR", "JUN", "SEP", "DIC"));
        given().get("/api/v1/work-plans?orgUnit=10005&fiscalYear=2021").then().statusCode(200);
    }

    @Test
    void aPlanWithANegativeTargetIsRejectedInSpanishAndNothingIsStored() {
        String bad = "{\"orgUnit\":\"10007\",\"fiscalYear\":2021,\"programs\":[{\"code\":\"X-01\",\"name\":\"Prueba\","
                + "\"calendarMonths\":[\"ENE\"],\"actions\":[{\"code\":\"X-01-01\",\"description\":\"d\",\"targets\":"
                + "[{\"indicatorCode\":\"X-01-01\",\"unit\":\"Visita\",\"target\":-5}]}]}]}";
        given().contentType("application/json").body(bad).post("/api/v1/work-plans/import")
                .then().statusCode(422).contentType("application/problem+json");
        given().get("/api/v1/programs/X-01?orgUnit=10007&fiscalYear=2021").then().statusCode(404);
    }
}
