package mx.gob.dif.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static mx.gob.dif.e2e.Tokens.ADMIN;
import static mx.gob.dif.e2e.Tokens.OPERATOR;
import static mx.gob.dif.e2e.Tokens.OPERATOR_GOMEZ;
import static mx.gob.dif.e2e.Tokens.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

/** Issue 3 through the gateway: the municipal 2021 plan imported by the administrator and read back by the unit's operator. */
class WorkPlanImportIT {

    @BeforeAll
    static void gateway() {
        Api.useGateway();
    }

    @Test
    void theDurangoPlanImportsWithTheDocumentsOwnTotalsAndIsIdempotent() throws Exception {
        String plan = Api.demoPlan("10005", 2021);
        as(ADMIN).contentType("application/json").body(plan).post("/api/v1/work-plans/import")
                .then().statusCode(oneOf(200, 201))
                .body("programs", equalTo(19)).body("actions", equalTo(100)).body("targets", equalTo(101));
        as(ADMIN).contentType("application/json").body(plan).post("/api/v1/work-plans/import")
                .then().statusCode(200)
                .body("programs", equalTo(19)).body("actions", equalTo(100)).body("targets", equalTo(101));

        as(OPERATOR).get("/api/v1/programs/DIF-04?orgUnit=10005&fiscalYear=2021").then().statusCode(200)
                .body("calendarMonths", contains("MAR", "JUN", "SEP", "DIC"));
        as(OPERATOR).get("/api/v1/work-plans?orgUnit=10005&fiscalYear=2021").then().statusCode(200);
    }

    @Test
    void aPlanWithANegativeTargetIsRejectedInSpanishAndNothingIsStored() {
        String bad = "{\"orgUnit\":\"10007\",\"fiscalYear\":2021,\"programs\":[{\"code\":\"X-01\",\"name\":\"Prueba\","
                + "\"calendarMonths\":[\"ENE\"],\"actions\":[{\"code\":\"X-01-01\",\"description\":\"d\",\"targets\":"
                + "[{\"indicatorCode\":\"X-01-01\",\"unit\":\"Visita\",\"target\":-5}]}]}]}";
        as(ADMIN).contentType("application/json").body(bad).post("/api/v1/work-plans/import")
                .then().statusCode(422).contentType("application/problem+json");
        as(OPERATOR_GOMEZ).get("/api/v1/programs/X-01?orgUnit=10007&fiscalYear=2021").then().statusCode(404);
    }
}
