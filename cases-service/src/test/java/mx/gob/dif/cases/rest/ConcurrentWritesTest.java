package mx.gob.dif.cases.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import mx.gob.dif.common.logging.ConsoleCapture;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.common.testing.Race;
import mx.gob.dif.deploy.testing.RealInfraResource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static mx.gob.dif.cases.CaseTestSupport.curp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests that race for the same unique data: exactly one wins, every other one gets a 409
 * problem+json in Spanish (never a 500), and the database's description of the clash, which quotes
 * the data, reaches no log. Every person here is fictitious.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_cases"))
class ConcurrentWritesTest {
    static final String UNIT = "10005";
    static final String WORKER = TestTokens.caseWorker(UNIT);
    static final int CALLS = 6;

    @Inject
    AgroalDataSource db;

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** One winner; every loser a 409 problem+json with a Spanish detail. */
    static void oneWinsTheRestConflict(List<Response> answers, int created) {
        assertEquals(1, answers.stream().filter(r -> r.statusCode() == created).count(),
                () -> "exactly one " + created + ": " + answers.stream().map(Response::statusCode).toList());
        for (Response r : answers.stream().filter(r -> r.statusCode() != created).toList()) {
            r.then().statusCode(409).contentType("application/problem+json");
            String detail = r.path("detail");
            assertTrue(detail != null && (detail.contains("al mismo tiempo") || detail.contains("Ya existe")
                    || detail.contains("ya está incorporado")), detail);
        }
    }

    @Test
    void twoPeopleWithOneCurpAtOnceAreOneBeneficiaryAndTheCurpReachesNoLog() throws Exception {
        String curp = curp("RACE900101HDGCRR0");
        List<Response> answers;
        List<String> log;
        try (ConsoleCapture console = new ConsoleCapture()) {
            answers = Race.run(db, "beneficiary", CALLS, i -> as(WORKER).body(Map.of("orgUnit", UNIT, "curp", curp,
                    "firstName", "Carrera" + (char) ('A' + i), "lastName", "Ficticia", "birthDate", "1990-01-01", "sex", "H",
                    "confirmNotDuplicate", true)).post("/api/v1/beneficiaries"));
            log = console.lines();
        }
        oneWinsTheRestConflict(answers, 201);
        as(WORKER).get("/api/v1/beneficiaries?curp=" + curp).then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1));
        // the clash is logged (so this capture sees the race's log lines), its detail is not
        assertTrue(log.stream().anyMatch(line -> line.contains("beneficiary_curp_active")), () -> "no log of the clash: " + log);
        assertFalse(log.stream().anyMatch(line -> line.contains(curp) || line.contains("Key (curp)")),
                () -> "the CURP reached the log: " + log);
    }

    @Test
    void oneCaseEnrolledTwiceAtOnceIsEnrolledOnce() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into program_catalog"
                + " (org_unit, fiscal_year, code, name) values (?, 2000, 'RACE-01', 'Programa ficticio') on conflict do nothing")) {
            ps.setString(1, UNIT);
            ps.executeUpdate();
        }
        String person = as(WORKER).body(Map.of("orgUnit", UNIT, "firstName", "Inscrita", "lastName", "Simultánea",
                        "birthDate", "1991-01-01", "sex", "M", "confirmNotDuplicate", true))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().<String>path("id");
        String caseId = as(WORKER).body(Map.of("orgUnit", UNIT, "beneficiaryId", person, "origin", "WALK_IN", "category", "FOOD",
                "request", "Solicitud ficticia")).post("/api/v1/cases").then().statusCode(201).extract().path("id");
        as(WORKER).body(Map.of("to", "UNDER_REVIEW")).post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);

        String director = TestTokens.director(UNIT);
        List<Response> answers = Race.run(db, "enrollment", CALLS, i -> as(director)
                .body(Map.of("programCode", "RACE-01", "fiscalYear", 2000, "enrolledOn", "2000-03-01"))
                .post("/api/v1/cases/" + caseId + "/enrollments"));

        oneWinsTheRestConflict(answers, 201);
        as(WORKER).get("/api/v1/cases/" + caseId).then().statusCode(200)
                .body("case.status", org.hamcrest.Matchers.equalTo("ENROLLED"))
                .body("enrollments.size()", org.hamcrest.Matchers.equalTo(1));
    }
}
