package mx.gob.dif.cases.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.cases.CaseTestSupport;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may reach which case data (docs/SECURITY.md): the service checks the token itself, keeps case
 * workers and directors to their unit and the units below it, keeps every other role away from
 * people's data, and shows an agency's system only the referrals sent to its agency. The procedure
 * itself is CaseProcedureTest's business; here only who gets in, and what an agency gets to see.
 * Every person here is fictitious.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_cases"))
class CasesAccessTest {
    static final String DURANGO = "10005";
    static final String GOMEZ = "10007";

    static final String WORKER_DGO = TestTokens.caseWorker(DURANGO);
    static final String WORKER_GOMEZ = TestTokens.caseWorker(GOMEZ);
    static final String DIRECTOR_DGO = TestTokens.director(DURANGO);
    static final String SALUD = TestTokens.integrator("SALUD-DGO");

    /** Records of Durango (10005) and Gómez Palacio (10007), made once for every test of this class. */
    static String durangoPerson;
    static String durangoCase;
    static String gomezPerson;
    static String gomezCase;
    /** Durango's referrals: to SALUD-DGO and to SEED-DGO with their letters, and one to SALUD-DGO not sent yet. */
    static String saludReferral;
    static String seedReferral;
    static String draftReferral;

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @BeforeEach
    void fixtures() {
        if (durangoPerson != null) {
            return;
        }
        agency("SALUD-DGO", "Secretaría de Salud de Durango");
        agency("SEED-DGO", "Secretaría de Educación del Estado de Durango");
        durangoPerson = person(WORKER_DGO, DURANGO, "Acceso Durango");
        durangoCase = intake(WORKER_DGO, DURANGO, durangoPerson);
        gomezPerson = person(WORKER_GOMEZ, GOMEZ, "Acceso Gómez");
        gomezCase = intake(WORKER_GOMEZ, GOMEZ, gomezPerson);

        as(WORKER_DGO).body(Map.of("to", "UNDER_REVIEW")).post("/api/v1/cases/" + durangoCase + "/transitions").then().statusCode(200);
        as(WORKER_DGO).body(Map.of("givenBy", "BENEFICIARY")).post("/api/v1/cases/" + durangoCase + "/consents").then().statusCode(201);
        saludReferral = refer("SALUD-DGO", "Consulta de valoración ficticia");
        seedReferral = refer("SEED-DGO", "Beca escolar ficticia");
        draftReferral = refer("SALUD-DGO", "Segunda consulta, aún sin carta");
        for (String r : List.of(saludReferral, seedReferral)) {
            as(WORKER_DGO).post("/api/v1/referrals/" + r + "/letter").then().statusCode(200);
        }
    }

    /** The agency, unless a test of this JVM has already put it in the directory. */
    static void agency(String id, String name) {
        if (as(TestTokens.administrator()).get("/api/v1/agencies/" + id).statusCode() == 404) {
            as(TestTokens.administrator()).body(Map.of("id", id, "name", name, "kind", "PUBLIC", "onPlatform", true))
                    .post("/api/v1/agencies").then().statusCode(201);
        }
    }

    static String person(String token, String unit, String lastName) {
        return as(token).body(Map.of("orgUnit", unit, "firstName", "Persona", "lastName", lastName, "secondLastName", "Ficticia",
                        "birthDate", "1981-01-01", "sex", "M", "municipality", unit, "confirmNotDuplicate", true))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }

    static String intake(String token, String unit, String beneficiary) {
        return as(token).body(Map.of("orgUnit", unit, "beneficiaryId", beneficiary, "origin", "WALK_IN", "category", "HEALTH",
                "request", "Solicitud ficticia de prueba de acceso")).post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    static String refer(String agency, String request) {
        return as(WORKER_DGO).body(Map.of("agencyId", agency, "request", request)).post("/api/v1/cases/" + durangoCase + "/referrals")
                .then().statusCode(201).extract().path("id");
    }

    static void forbidden(Response response) {
        response.then().statusCode(403).contentType("application/problem+json").body("title", equalTo("Acceso denegado"));
    }

    @Test
    void missingExpiredForeignAndTamperedTokensAreRefusedWithAProblem() {
        given().get("/api/v1/cases?orgUnit=10005").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer")).body("detail", containsString("Authorization: Bearer"));
        String expired = TestTokens.builder().name("trabajadora.durango").orgUnit(DURANGO).roles("case-worker")
                .expiredSince(Duration.ofMinutes(10)).build();
        String foreign = TestTokens.builder().name("trabajadora.durango").orgUnit(DURANGO).roles("case-worker")
                .issuer("https://otro-emisor.example/realms/dif").build();
        String tampered = TestTokens.tampered(WORKER_GOMEZ);
        for (String token : new String[]{expired, foreign, tampered, "no-es-un-jwt"}) {
            for (String path : List.of("/api/v1/cases/" + durangoCase, "/api/v1/beneficiaries?orgUnit=10005",
                    "/api/v1/referrals/" + saludReferral, "/api/v1/agencies")) {
                given().auth().oauth2(token).get(path).then().statusCode(401).contentType("application/problem+json")
                        .header("WWW-Authenticate", containsString("Bearer"));
            }
        }
        // nothing was stored on the way
        given().contentType(ContentType.JSON).body(Map.of("orgUnit", DURANGO, "firstName", "Sin", "lastName", "Token"))
                .post("/api/v1/beneficiaries").then().statusCode(401);
        as(WORKER_DGO).get("/api/v1/beneficiaries?q=Sin Token").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aCaseWorkerOfGomezPalacioReachesNoPersonOrCaseOfDurango() {
        forbidden(as(WORKER_GOMEZ).get("/api/v1/beneficiaries/" + durangoPerson));
        forbidden(as(WORKER_GOMEZ).get("/api/v1/beneficiaries/" + durangoPerson + "/history"));
        forbidden(as(WORKER_GOMEZ).get("/api/v1/cases/" + durangoCase));
        forbidden(as(WORKER_GOMEZ).get("/api/v1/cases/" + durangoCase + "/history"));
        forbidden(as(WORKER_GOMEZ).get("/api/v1/cases?orgUnit=10005"));
        forbidden(as(WORKER_GOMEZ).get("/api/v1/beneficiaries?orgUnit=10005"));
        forbidden(as(WORKER_GOMEZ).get("/api/v1/referrals?orgUnit=10005"));
        forbidden(as(WORKER_GOMEZ).get("/api/v1/referrals/" + saludReferral));
        forbidden(as(WORKER_GOMEZ).get("/api/v1/referrals/" + saludReferral + "/letter"));
        forbidden(as(WORKER_GOMEZ).get("/api/v1/reports/monthly?orgUnit=10005&month=2021-03"));
        as(WORKER_GOMEZ).get("/api/v1/cases/" + durangoCase).then().body("detail", containsString("10007"))
                .body("detail", containsString("10005"));

        // changes: refused, and nothing stored
        forbidden(as(WORKER_GOMEZ).body(Map.of("orgUnit", DURANGO, "firstName", "Persona", "lastName", "Intrusa Ficticia"))
                .post("/api/v1/beneficiaries"));
        as(WORKER_DGO).get("/api/v1/beneficiaries?q=Intrusa").then().body("total", equalTo(0));
        forbidden(as(WORKER_GOMEZ).body(Map.of("orgUnit", DURANGO, "beneficiaryId", gomezPerson, "origin", "WALK_IN",
                "category", "FOOD", "request", "x")).post("/api/v1/cases"));
        // nor a case of its own unit for a person of Durango: the case would show the person
        forbidden(as(WORKER_GOMEZ).body(Map.of("orgUnit", GOMEZ, "beneficiaryId", durangoPerson, "origin", "WALK_IN",
                "category", "FOOD", "request", "x")).post("/api/v1/cases"));
        forbidden(as(WORKER_GOMEZ).body(Map.of("to", "REJECTED", "reason", "x")).post("/api/v1/cases/" + durangoCase + "/transitions"));
        forbidden(as(WORKER_GOMEZ).body(Map.of("type", "HOME_VISIT", "date", "2021-03-01"))
                .post("/api/v1/cases/" + durangoCase + "/interventions"));
        forbidden(as(WORKER_GOMEZ).body(Map.of("agencyId", "SALUD-DGO", "request", "x")).post("/api/v1/cases/" + durangoCase + "/referrals"));
        forbidden(as(WORKER_GOMEZ).body(Map.of("status", "RECEIVED")).post("/api/v1/referrals/" + seedReferral + "/status"));
        forbidden(as(WORKER_GOMEZ).body(Map.of("duplicateId", durangoPerson, "reason", "x")).post("/api/v1/beneficiaries/" + gomezPerson + "/merge"));
        as(WORKER_DGO).get("/api/v1/cases/" + durangoCase).then().statusCode(200).body("case.status", equalTo("REFERRED"));

        // lists without a unit show the caller's unit only, counted in the query (the total too)
        as(WORKER_GOMEZ).get("/api/v1/cases?size=500").then().statusCode(200).body("items.orgUnit", everyItem(equalTo(GOMEZ)))
                .body("items.id", hasItem(gomezCase)).body("items.id", not(hasItem(durangoCase)));
        as(WORKER_GOMEZ).get("/api/v1/beneficiaries?q=Acceso").then().statusCode(200).body("total", equalTo(1))
                .body("items.id", equalTo(List.of(gomezPerson)));
        as(WORKER_GOMEZ).get("/api/v1/referrals").then().statusCode(200).body("items.id", not(hasItem(saludReferral)));
        as(WORKER_DGO).get("/api/v1/cases?size=500").then().statusCode(200).body("items.orgUnit", everyItem(equalTo(DURANGO)))
                .body("items.id", hasItem(durangoCase));
        // a state director reaches every municipality of the state
        as(TestTokens.director("10")).get("/api/v1/cases?size=500").then().statusCode(200)
                .body("items.id", hasItem(durangoCase)).body("items.id", hasItem(gomezCase));
        as(TestTokens.director("10")).get("/api/v1/beneficiaries/" + gomezPerson).then().statusCode(200);
        // an unknown record stays unknown
        as(WORKER_GOMEZ).get("/api/v1/cases/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void operatorsAnalystsAdministratorsAndIntegratorsSeeNoPersonsData() {
        for (String token : List.of(TestTokens.operator(DURANGO), TestTokens.analyst("10"), TestTokens.administrator(), SALUD)) {
            for (String path : List.of("/api/v1/beneficiaries/" + durangoPerson, "/api/v1/beneficiaries?orgUnit=10005",
                    "/api/v1/beneficiaries", "/api/v1/cases/" + durangoCase, "/api/v1/cases?orgUnit=10005", "/api/v1/cases",
                    "/api/v1/cases/" + durangoCase + "/interventions", "/api/v1/follow-up-requests?orgUnit=10005",
                    "/api/v1/tasks?orgUnit=10005", "/api/v1/reports/monthly?orgUnit=10005&month=2021-03",
                    "/api/v1/approvals?orgUnit=10005", "/api/v1/audit")) {
                forbidden(as(token).get(path));
            }
            forbidden(as(token).body(Map.of("orgUnit", DURANGO, "firstName", "Persona", "lastName", "Ficticia")).post("/api/v1/beneficiaries"));
            forbidden(as(token).body(Map.of("agencyId", "SALUD-DGO", "request", "x")).post("/api/v1/cases/" + durangoCase + "/referrals"));
        }
        for (String token : List.of(TestTokens.operator(DURANGO), TestTokens.analyst("10"), TestTokens.administrator())) {
            forbidden(as(token).get("/api/v1/referrals?orgUnit=10005"));
            forbidden(as(token).get("/api/v1/referrals/" + saludReferral));
            forbidden(as(token).get("/api/v1/referrals/" + saludReferral + "/letter"));
        }
    }

    @Test
    void onlyTheCasesDirectorDecidesAnApproval() {
        String person = person(WORKER_DGO, DURANGO, "Aprobación Durango");
        String caseId = intake(WORKER_DGO, DURANGO, person);
        as(WORKER_DGO).body(Map.of("to", "UNDER_REVIEW")).post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);
        as(WORKER_DGO).body(Map.of("agencyId", "SEED-DGO", "request", "Inscripción ficticia",
                        "consentOverrideReason", "La persona no puede firmar (caso ficticio)"))
                .post("/api/v1/cases/" + caseId + "/referrals").then().statusCode(201).body("status", equalTo("AWAITING_APPROVAL"));
        String approval = as(WORKER_DGO).get("/api/v1/approvals?caseId=" + caseId).then().statusCode(200)
                .extract().path("items[0].id");
        as(WORKER_DGO).get("/api/v1/approvals/" + approval).then().statusCode(200).body("status", equalTo("REQUESTED"));
        forbidden(as(WORKER_GOMEZ).get("/api/v1/approvals/" + approval));
        as(WORKER_GOMEZ).get("/api/v1/approvals?caseId=" + caseId).then().statusCode(200).body("total", equalTo(0));

        Map<String, String> approve = Map.of("decision", "APPROVED", "comment", "Procede");
        forbidden(as(WORKER_DGO).body(approve).post("/api/v1/approvals/" + approval + "/decision"));
        forbidden(as(TestTokens.director(GOMEZ)).body(approve).post("/api/v1/approvals/" + approval + "/decision"));
        forbidden(as(TestTokens.administrator()).body(approve).post("/api/v1/approvals/" + approval + "/decision"));
        as(DIRECTOR_DGO).body(approve).post("/api/v1/approvals/" + approval + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("director.10005"));
    }

    @Test
    void theAuditTrailIsForTheDirectorAndOnlyOfTheirUnit() throws Exception {
        // a refused look at Durango's case, one refused for its role, and an agency reading its referral and letter
        // (the letter may have been withdrawn by another test: granted or refused, the attempt is audited)
        as(WORKER_GOMEZ).get("/api/v1/cases/" + gomezCase).then().statusCode(200);
        forbidden(as(WORKER_GOMEZ).get("/api/v1/cases/" + durangoCase));
        forbidden(as(TestTokens.analyst("10")).get("/api/v1/cases/" + durangoCase));
        as(SALUD).get("/api/v1/referrals/" + saludReferral).then().statusCode(200);
        as(SALUD).get("/api/v1/referrals/" + saludReferral + "/letter");

        String trail = "/api/v1/audit?size=500&resourceId=";
        CaseTestSupport.await("the refused analyst's audit entry", () -> as(DIRECTOR_DGO).get(trail + durangoCase).then().extract()
                .<List<String>>path("items.actor").contains("analista.10"));
        as(DIRECTOR_DGO).get(trail + durangoCase).then().statusCode(200)
                .body("items.orgUnit", everyItem(equalTo(DURANGO)))
                .body("items.findAll { it.actor == 'trabajadora.10007' }.status", everyItem(equalTo(403)))
                .body("items.findAll { it.actor == 'trabajadora.10007' }.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("items.findAll { it.actor == 'analista.10' }.status", hasItem(403))
                .body("items.findAll { it.actor == 'trabajadora.10005' }.status", hasItem(201));
        as(DIRECTOR_DGO).get(trail + saludReferral + "&actor=agencia-salud-dgo").then().statusCode(200)
                .body("items.path", hasItem("/api/v1/referrals/" + saludReferral + "/letter"))
                .body("items.path", hasItem("/api/v1/referrals/" + saludReferral))
                .body("items.action", everyItem(equalTo("READ")));
        as(DIRECTOR_DGO).get("/api/v1/audit?size=500").then().statusCode(200).body("items.orgUnit", everyItem(startsWith(DURANGO)));

        // Gómez Palacio's director reads Gómez Palacio's trail, not Durango's
        as(TestTokens.director(GOMEZ)).get(trail + durangoCase).then().statusCode(200).body("total", equalTo(0));
        as(TestTokens.director(GOMEZ)).get(trail + gomezCase).then().statusCode(200).body("items.actor", hasItem("trabajadora.10007"));
        forbidden(as(TestTokens.director(GOMEZ)).get("/api/v1/audit?orgUnit=10005"));
        // the state's director reads both
        as(TestTokens.director("10")).get(trail + durangoCase).then().statusCode(200).body("items.actor", hasItem("trabajadora.10007"));
        forbidden(as(WORKER_DGO).get("/api/v1/audit"));
        forbidden(as(TestTokens.administrator()).get("/api/v1/audit"));
    }

    @Test
    void anAgencySeesAnswersAndDownloadsOnlyWhatWasSentToIt() throws Exception {
        // its inbox: only SALUD-DGO's referrals, only once their letter is issued, without the case behind them
        Response inbox = as(SALUD).get("/api/v1/referrals?size=500");
        inbox.then().statusCode(200).body("items.agencyId", everyItem(equalTo("SALUD-DGO")))
                .body("items.id", hasItem(saludReferral)).body("items.id", not(hasItem(seedReferral)))
                .body("items.id", not(hasItem(draftReferral))).body("items.letterFolio", everyItem(startsWith("SG-")))
                .body("items[0]", not(hasKey("caseId"))).body("items[0]", not(hasKey("consentId")))
                .body("items[0]", not(hasKey("approvalId"))).body("items[0]", not(hasKey("createdBy")));
        as(SALUD).get("/api/v1/referrals?agency=SALUD-DGO&orgUnit=10005").then().statusCode(200).body("items.id", hasItem(saludReferral));
        as(SALUD).get("/api/v1/referrals?orgUnit=10007").then().statusCode(200).body("items.id", not(hasItem(saludReferral)));
        forbidden(as(SALUD).get("/api/v1/referrals?agency=SEED-DGO"));
        forbidden(as(SALUD).get("/api/v1/referrals?caseId=" + durangoCase));

        as(SALUD).get("/api/v1/referrals/" + saludReferral).then().statusCode(200).body("request", equalTo("Consulta de valoración ficticia"))
                .body("$", not(hasKey("caseId"))).body("$", not(hasKey("consentId"))).body("status", equalTo("REQUESTED"));
        byte[] letter = as(SALUD).get("/api/v1/referrals/" + saludReferral + "/letter").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertTrue(CaseTestSupport.pdfText(letter).contains("SOLICITUD DE GESTIÓN"));
        as(SALUD).body(Map.of("status", "RECEIVED")).post("/api/v1/referrals/" + saludReferral + "/status").then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("$", not(hasKey("caseId")));
        as(SALUD).get("/api/v1/referrals/" + saludReferral + "/history").then().statusCode(200)
                .body("toStatus", equalTo(List.of("REQUESTED", "RECEIVED"))).body("[1].actor", equalTo("agencia-salud-dgo"));
        // the unit sees the agency's answer, by whom
        as(WORKER_DGO).get("/api/v1/referrals/" + saludReferral + "/history").then().statusCode(200)
                .body("actor", hasItem("agencia-salud-dgo"));

        // another agency's referral, its letter, its status; and one not sent yet
        forbidden(as(SALUD).get("/api/v1/referrals/" + seedReferral));
        forbidden(as(SALUD).get("/api/v1/referrals/" + seedReferral + "/letter"));
        forbidden(as(SALUD).get("/api/v1/referrals/" + seedReferral + "/history"));
        forbidden(as(SALUD).body(Map.of("status", "RECEIVED")).post("/api/v1/referrals/" + seedReferral + "/status"));
        forbidden(as(SALUD).get("/api/v1/referrals/" + draftReferral));
        forbidden(as(SALUD).get("/api/v1/referrals/" + draftReferral + "/letter"));
        as(SALUD).get("/api/v1/referrals/" + UUID.randomUUID()).then().statusCode(404);

        // what only the sending unit does
        forbidden(as(SALUD).post("/api/v1/referrals/" + draftReferral + "/letter"));
        forbidden(as(SALUD).body(Map.of("reason", "x")).post("/api/v1/referrals/" + saludReferral + "/revocation"));
        forbidden(as(SALUD).body(Map.of("agencyId", "SALUD-DGO", "request", "x")).post("/api/v1/cases/" + durangoCase + "/referrals"));

        // the unit records the other agency's answer received on paper
        as(WORKER_DGO).body(Map.of("status", "RECEIVED")).post("/api/v1/referrals/" + seedReferral + "/status").then().statusCode(200)
                .body("caseId", equalTo(durangoCase));
        as(SALUD).get("/api/v1/referrals/" + seedReferral).then().statusCode(403);

        // once the unit revokes it, the agency still sees that, but no longer gets the person's letter
        as(DIRECTOR_DGO).body(Map.of("reason", "La persona ya fue atendida")).post("/api/v1/referrals/" + saludReferral + "/revocation")
                .then().statusCode(200);
        as(SALUD).get("/api/v1/referrals/" + saludReferral).then().statusCode(200).body("status", equalTo("REVOKED"));
        forbidden(as(SALUD).get("/api/v1/referrals/" + saludReferral + "/letter"));
        List<Map<String, Object>> steps = as(SALUD).get("/api/v1/referrals/" + saludReferral + "/history").then().statusCode(200)
                .extract().path("$");
        assertEquals("REVOKED", steps.get(steps.size() - 1).get("toStatus"));
        assertEquals(null, steps.get(steps.size() - 1).get("reason"), "the unit's reasons stay with the unit");
    }

    @Test
    void onlyAdministratorsChangeTheAgencyDirectoryAndEveryRoleReadsIt() {
        String admin = TestTokens.administrator();
        Map<String, Object> agency = Map.of("id", "ALBERGUE-FICTICIO", "name", "Albergue Ficticio de Prueba", "kind", "PRIVATE");
        forbidden(as(WORKER_DGO).body(agency).post("/api/v1/agencies"));
        forbidden(as(DIRECTOR_DGO).body(List.of(agency)).post("/api/v1/agencies/import"));
        forbidden(as(SALUD).body(agency).put("/api/v1/agencies/ALBERGUE-FICTICIO"));
        forbidden(as(TestTokens.analyst("10")).contentType("text/csv").body("Organización,Tipo,Servicio\nX,PRIVADA,Y\n")
                .post("/api/v1/agencies/import"));
        as(admin).body(agency).post("/api/v1/agencies").then().statusCode(201);
        as(admin).body(Map.of("name", "Albergue Ficticio de Prueba A.C.", "kind", "PRIVATE")).put("/api/v1/agencies/ALBERGUE-FICTICIO")
                .then().statusCode(200).body("name", equalTo("Albergue Ficticio de Prueba A.C."));
        for (String token : List.of(TestTokens.operator(DURANGO), WORKER_DGO, DIRECTOR_DGO, TestTokens.analyst("10"), SALUD, admin)) {
            as(token).get("/api/v1/agencies/ALBERGUE-FICTICIO").then().statusCode(200);
            as(token).get("/api/v1/agencies?q=Albergue Ficticio").then().statusCode(200).body("total", equalTo(1));
            as(token).get("/api/v1/agencies/export?format=csv").then().statusCode(200);
        }
    }
}
