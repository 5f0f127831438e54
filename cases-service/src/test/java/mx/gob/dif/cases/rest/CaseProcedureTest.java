package mx.gob.dif.cases.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.cases.CaseTestSupport;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.common.security.TestTokens;
import mx.gob.dif.deploy.testing.RealInfraResource;
import mx.gob.dif.events.SchemaValidator;
import mx.gob.dif.events.Topics;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static mx.gob.dif.cases.CaseTestSupport.curp;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Procedure PDG-02 end to end inside cases-service, against the real PostgreSQL and Kafka:
 * intake → review → interventions → consent → referral with its letter → the agency's answer →
 * follow-up report for the Governor's office → resolved → closure approved by the director.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "dif_cases"))
class CaseProcedureTest {
    static final int YEAR = LocalDate.now().getYear();
    static final String TODAY = LocalDate.now().toString();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static boolean catalogSent;

    static boolean agenciesLoaded;

    @BeforeEach
    void agencies() {
        if (agenciesLoaded) {
            return;
        }
        agenciesLoaded = true;
        as("admin.dif").body("""
                [{"id":"SALUD-DGO","name":"Secretaría de Salud de Durango","kind":"PUBLIC","phone":"618 000 0000",
                  "email":"atencion@salud.example","onPlatform":true,"lastVerified":"2021-01-15",
                  "services":[{"name":"Consulta pediátrica","eligibility":"Menores sin seguridad social","minAge":0,"maxAge":17,
                               "fees":"Exento para referidos DIF","requiredDocuments":["Acta de nacimiento","Comprobante de domicilio"],
                               "serviceArea":["10005"]}]},
                 {"id":"FUNDACION-FICTICIA","name":"Fundación Ficticia de Apoyo Escolar","kind":"PRIVATE","onPlatform":false}]""")
                .post("/api/v1/agencies/import").then().statusCode(200).body("imported", equalTo(2));
    }

    void catalog() throws Exception {
        if (!catalogSent) {
            CaseTestSupport.publishCatalog(bootstrap, "10", "Durango", "MX", YEAR, "DIF-E-01");
            CaseTestSupport.publishCatalog(bootstrap, "10005", "Durango", "10", YEAR, "DIF-04", "DIF-11");
            catalogSent = true;
        }
    }

    /** A request with the bearer token of one of the demo identities (docs/SECURITY.md), signed for tests. */
    static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    static String token(String user) {
        return switch (user) {
            case "trabajadora.durango" -> TestTokens.person(user, "10005", Roles.CASE_WORKER);
            case "director.durango" -> TestTokens.person(user, "10005", Roles.DIRECTOR);
            case "agencia-salud" -> TestTokens.integrator("SALUD-DGO");
            case "admin.dif" -> TestTokens.administrator();
            default -> throw new IllegalArgumentException("no demo identity " + user);
        };
    }

    static String guardian(String first17, String first, String last) {
        return as("trabajadora.durango").body(Map.of("orgUnit", "10005", "curp", curp(first17), "firstName", first,
                        "lastName", last, "secondLastName", "Ficticia", "municipality", "10005", "locality", "Durango",
                        "address", "Calle Inventada 123"))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }

    static String minor(String guardianId, String first17, String first) {
        return as("trabajadora.durango").body(Map.of("orgUnit", "10005", "curp", curp(first17), "firstName", first,
                        "lastName", "Ejemplo", "guardianId", guardianId, "municipality", "10005", "locality", "Durango",
                        "sensitive", Map.of("health", "Asma leve")))
                .post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
    }

    static String intake(String beneficiaryId) {
        return as("trabajadora.durango").body(Map.of("orgUnit", "10005", "beneficiaryId", beneficiaryId, "origin", "SCHOOL_RESCUE",
                        "category", "EDUCATION", "priority", "HIGH", "request", "Inasistencia grave; requiere valoración médica",
                        "priorInvestigation", "Visita previa de la trabajadora social", "assignedWorker", "trabajadora.durango"))
                .post("/api/v1/cases").then().statusCode(201).body("status", equalTo("RECEIVED"))
                .body("folio", startsWith("CASO-10005-" + YEAR + "-")).extract().path("id");
    }

    static void move(String caseId, String to, String reason, int status) {
        as("trabajadora.durango").body(reason == null ? Map.of("to", to) : Map.of("to", to, "reason", reason))
                .post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(status);
    }

    @Test
    void theWholeProcedureFromIntakeToClosedWithItsDocumentsAndEvents() throws Exception {
        String guardian = guardian("EAFP800101MDGJCR0", "Persona", "Ficticia Tutora");
        String child = minor(guardian, "EAFN120505HDGJCRA", "Niño");
        String caseId = intake(child);

        // a request cannot skip the review
        as("trabajadora.durango").body(Map.of("to", "RESOLVED")).post("/api/v1/cases/" + caseId + "/transitions")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("no puede pasar a"));
        move(caseId, "UNDER_REVIEW", null, 200);

        as("trabajadora.durango").body(Map.of("type", "HOME_VISIT", "date", TODAY, "outcome", "Se encontró al tutor; acepta colaborar"))
                .post("/api/v1/cases/" + caseId + "/interventions").then().statusCode(201);
        as("trabajadora.durango").body(Map.of("type", "GUARDIAN_MEETING", "date", TODAY, "outcome", "Compromiso de asistencia"))
                .post("/api/v1/cases/" + caseId + "/interventions").then().statusCode(201);

        // no consent yet: the referral is refused with what to do
        as("director.durango").body(Map.of("agencyId", "SALUD-DGO", "request", "Valoración pediátrica"))
                .post("/api/v1/cases/" + caseId + "/referrals").then().statusCode(409).body("detail", containsString("consentimiento"));
        // a minor does not consent for himself
        as("trabajadora.durango").body(Map.of("givenBy", "BENEFICIARY")).post("/api/v1/cases/" + caseId + "/consents")
                .then().statusCode(422).body("detail", containsString("menor de edad"));
        as("trabajadora.durango").body(Map.of("givenBy", "GUARDIAN", "agencyId", "SALUD-DGO", "givenOn", TODAY))
                .post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201).body("guardianId", equalTo(guardian));

        String referralId = as("director.durango").body(Map.of("agencyId", "SALUD-DGO", "serviceId",
                        serviceId("SALUD-DGO"), "request", "Valoración pediátrica y seguimiento del asma"))
                .post("/api/v1/cases/" + caseId + "/referrals").then().statusCode(201).body("status", equalTo("REQUESTED"))
                .extract().path("id");
        as("trabajadora.durango").get("/api/v1/cases/" + caseId).then().statusCode(200).body("case.status", equalTo("REFERRED"));

        // the numbered Solicitud de Gestión: once, with only the data the agency needs
        String folio = as("director.durango").post("/api/v1/referrals/" + referralId + "/letter").then().statusCode(200)
                .body("letterFolio", startsWith("SG-10005-")).extract().path("letterFolio");
        as("director.durango").post("/api/v1/referrals/" + referralId + "/letter").then().statusCode(200).body("letterFolio", equalTo(folio));
        byte[] letter = as("trabajadora.durango").get("/api/v1/referrals/" + referralId + "/letter").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        String text = CaseTestSupport.pdfText(letter);
        assertTrue(text.contains(folio), text);
        assertTrue(text.contains("SOLICITUD DE GESTIÓN"), text);
        assertTrue(text.contains("Secretaría de Salud de Durango"), text);
        assertTrue(text.contains("Niño Ejemplo"), text);
        assertTrue(text.contains("Acta de nacimiento"), text);
        assertFalse(text.contains("EAFN120505"), "the CURP was not asked to be shared");
        assertFalse(text.contains("Calle Inventada"), "nor the address");

        // the agency answers through the platform
        for (String s : List.of("RECEIVED", "ACCEPTED", "IN_PROGRESS")) {
            as("agencia-salud").body(Map.of("status", s)).post("/api/v1/referrals/" + referralId + "/status").then().statusCode(200)
                    .body("status", equalTo(s));
        }
        as("agencia-salud").body(Map.of("status", "COMPLETED")).post("/api/v1/referrals/" + referralId + "/status")
                .then().statusCode(422).body("detail", containsString("resultado"));
        as("agencia-salud").body(Map.of("status", "COMPLETED", "outcome", "EXEMPTED", "outcomeDetail", "Consulta sin costo"))
                .post("/api/v1/referrals/" + referralId + "/status").then().statusCode(200).body("outcome", equalTo("EXEMPTED"));
        as("director.durango").body(Map.of("reason", "ya no aplica")).post("/api/v1/referrals/" + referralId + "/revocation")
                .then().statusCode(409);
        as("agencia-salud").get("/api/v1/referrals?agency=SALUD-DGO").then().statusCode(200).body("items.id", hasItem(referralId));

        // the Governor's office asks for the follow-up report, due in 10–20 days
        as("director.durango").body(Map.of("office", "Despacho del C. Gobernador", "petitionRef", "OF-123/2021", "dueInDays", 25))
                .post("/api/v1/cases/" + caseId + "/follow-up-requests").then().statusCode(422).body("detail", containsString("entre 10 y 20"));
        String followUp = as("director.durango").body(Map.of("office", "Despacho del C. Gobernador", "petitionRef", "OF-123/2021",
                        "dueInDays", 10, "assignedTo", "trabajadora.durango"))
                .post("/api/v1/cases/" + caseId + "/follow-up-requests").then().statusCode(201)
                .body("dueOn", equalTo(LocalDate.now().plusDays(10).toString())).extract().path("id");
        // due in 10 days: not yet in the 7-day window today, upcoming five days from now, overdue after the due date
        as("trabajadora.durango").get("/api/v1/tasks?worker=trabajadora.durango").then().statusCode(200)
                .body("upcoming.followUpRequestId", not(hasItem(followUp)));
        as("trabajadora.durango").get("/api/v1/tasks?worker=trabajadora.durango&asOf=" + LocalDate.now().plusDays(5)).then().statusCode(200)
                .body("upcoming.followUpRequestId", hasItem(followUp));
        as("trabajadora.durango").get("/api/v1/tasks?worker=trabajadora.durango&asOf=" + LocalDate.now().plusDays(11)).then().statusCode(200)
                .body("overdue.followUpRequestId", hasItem(followUp));
        as("director.durango").body(Map.of()).post("/api/v1/follow-up-requests/" + followUp + "/report").then().statusCode(200)
                .body("status", equalTo("DELIVERED")).body("reportFolio", startsWith("IS-10005-"));
        String report = CaseTestSupport.pdfText(as("trabajadora.durango").get("/api/v1/follow-up-requests/" + followUp + "/report").then()
                .statusCode(200).extract().asByteArray());
        assertTrue(report.contains("Despacho del C. Gobernador"), report);
        assertTrue(report.contains("Visita domiciliaria"), report);
        assertTrue(report.contains("Exención de pago"), report);

        move(caseId, "FOLLOW_UP", null, 200);
        move(caseId, "RESOLVED", null, 200);
        // closing goes through the director
        move(caseId, "CLOSED", "cerrar", 409);
        String approval = as("trabajadora.durango").body(Map.of("reason", "Asiste regularmente y recibió atención médica"))
                .post("/api/v1/cases/" + caseId + "/closure").then().statusCode(202).body("status", equalTo("REQUESTED"))
                .extract().path("id");
        as("director.durango").get("/api/v1/approvals?orgUnit=10005&status=REQUESTED").then().statusCode(200).body("items.id", hasItem(approval));
        as("director.durango").body(Map.of("decision", "REJECTED")).post("/api/v1/approvals/" + approval + "/decision")
                .then().statusCode(422).body("detail", containsString("comment"));
        as("director.durango").body(Map.of("decision", "APPROVED", "comment", "De acuerdo"))
                .post("/api/v1/approvals/" + approval + "/decision").then().statusCode(200).body("decidedBy", equalTo("director.durango"));
        as("director.durango").body(Map.of("decision", "REJECTED", "comment", "cambio de opinión"))
                .post("/api/v1/approvals/" + approval + "/decision").then().statusCode(409);
        JsonNode detail = CaseTestSupport.json(as("trabajadora.durango").get("/api/v1/cases/" + caseId).then().statusCode(200).extract().asString());
        assertEquals("CLOSED", detail.get("case").get("status").asText());
        List<String> steps = detail.get("history").findValuesAsText("toStatus");
        assertEquals(List.of("RECEIVED", "UNDER_REVIEW", "REFERRED", "FOLLOW_UP", "RESOLVED", "CLOSED"), steps);
        assertEquals("director.durango", detail.get("history").get(5).get("actor").asText());

        // a closed case only reopens for review, with a reason
        move(caseId, "REFERRED", null, 409);
        move(caseId, "UNDER_REVIEW", null, 422);
        move(caseId, "UNDER_REVIEW", "El tutor reporta nuevas inasistencias", 200);

        // the monthly report lists the case, without names or CURP
        String month = YearMonth.now().toString();
        as("trabajadora.durango").get("/api/v1/reports/monthly?orgUnit=10005&month=" + month).then().statusCode(200)
                .body("rows.caseFolio", hasItem((String) detail.get("case").get("folio").asText()));
        String csv = as("trabajadora.durango").accept("text/csv").get("/api/v1/reports/monthly?orgUnit=10005&month=" + month).then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains(detail.get("case").get("folio").asText()));
        assertTrue(csv.contains("Canalizado a Secretaría de Salud de Durango"), csv);
        assertFalse(csv.contains("Ejemplo") || csv.contains("EAFN"), "no names or CURP in the monthly report");
        String pdf = CaseTestSupport.pdfText(as("trabajadora.durango").get("/api/v1/reports/monthly?orgUnit=10005&month=" + month + "&format=pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray());
        // the folio may wrap inside its table cell
        assertTrue(pdf.replaceAll("\\s", "").contains(detail.get("case").get("folio").asText()), pdf);

        // every read of the case was audited, with who and from where
        as("director.durango").get("/api/v1/audit?resourceType=CASE&resourceId=" + caseId + "&actor=trabajadora.durango").then().statusCode(200)
                .body("total", greaterThan(3)).body("items[0].sourceIp", notNullValue());

        // the case's events are on Kafka, valid, and carry no personal data
        String ref = detail.get("case").get("ref").asText();
        List<String> events = CaseTestSupport.readTopic(bootstrap, Topics.CASE_EVENTS,
                v -> v.stream().filter(s -> s.contains(ref)).count() >= 14);
        List<String> mine = events.stream().filter(s -> s.contains(ref)).toList();
        assertTrue(mine.size() >= 14, "events of the case: " + mine.size());
        for (String e : mine) {
            assertEquals(List.of(), SchemaValidator.validate(CaseTestSupport.json(e)), e);
            for (String personal : List.of("Ejemplo", "Ficticia", "EAFN", "EAFP", "Inventada", "Asma", caseId)) {
                assertFalse(e.contains(personal), "personal data '" + personal + "' in " + e);
            }
        }
        List<String> changes = mine.stream().map(e -> CaseTestSupport.json(e).get("data").get("change").asText()).toList();
        for (String c : List.of("RECEIVED", "INTERVENTION_RECORDED", "REFERRED", "REFERRAL_LETTER_ISSUED", "REFERRAL_STATUS_CHANGED",
                "FOLLOW_UP_REQUESTED", "FOLLOW_UP_DELIVERED")) {
            assertTrue(changes.contains(c), c + " in " + changes);
        }
        JsonNode delivered = mine.stream().map(CaseTestSupport::json).filter(e -> e.get("data").get("change").asText().equals("FOLLOW_UP_DELIVERED"))
                .findFirst().orElseThrow().get("data");
        assertTrue(delivered.get("onTime").asBoolean());
        JsonNode received = mine.stream().map(CaseTestSupport::json).filter(e -> e.get("data").get("change").asText().equals("RECEIVED"))
                .findFirst().orElseThrow().get("data");
        assertEquals(mx.gob.dif.cases.domain.AgeBand.of(LocalDate.of(2012, 5, 5), LocalDate.now()), received.get("ageBand").asText());
        assertEquals("H", received.get("sex").asText());
        assertEquals("10005", received.get("orgUnit").asText());
    }

    static String serviceId(String agency) {
        return as("trabajadora.durango").get("/api/v1/agencies/" + agency).then().statusCode(200).extract().path("services[0].id");
    }

    @Test
    void enrollmentIsCheckedAgainstTheWorkPlanCatalogIncludingTheStatesPlan() throws Exception {
        catalog();
        String adult = as("trabajadora.durango").body(Map.of("orgUnit", "10005", "firstName", "Adulto", "lastName", "Ficticio",
                "birthDate", "1980-02-02", "sex", "H")).post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        String caseId = as("trabajadora.durango").body(Map.of("orgUnit", "10005", "beneficiaryId", adult, "origin", "WALK_IN",
                "category", "FOOD", "request", "Despensa")).post("/api/v1/cases").then().statusCode(201).extract().path("id");
        move(caseId, "UNDER_REVIEW", null, 200);
        as("director.durango").body(Map.of("programCode", "NO-EXISTE")).post("/api/v1/cases/" + caseId + "/enrollments")
                .then().statusCode(422).body("detail", containsString("no está en el programa anual"));
        CaseTestSupport.await("the catalog read model", () -> as("director.durango").body(Map.of("programCode", "DIF-04"))
                .post("/api/v1/cases/" + caseId + "/enrollments").statusCode() == 201);
        as("trabajadora.durango").get("/api/v1/cases/" + caseId).then().body("case.status", equalTo("ENROLLED"));
        as("director.durango").body(Map.of("programCode", "DIF-04")).post("/api/v1/cases/" + caseId + "/enrollments")
                .then().statusCode(409);
        // a program of the state's plan is valid for a municipality
        as("director.durango").body(Map.of("programCode", "DIF-E-01")).post("/api/v1/cases/" + caseId + "/enrollments")
                .then().statusCode(201).body("fiscalYear", equalTo(YEAR));
    }

    @Test
    void invalidCurpsAreRejectedAndNothingIsStored() {
        long before = as("trabajadora.durango").get("/api/v1/beneficiaries?q=Curpmala").then().extract().<Integer>path("total");
        for (String bad : List.of("AAPR630321HDFLRC01", "AAPR631340HDFLRC09", "AAPR63032", curp("AAPR630321XDFLRC0"))) {
            as("trabajadora.durango").body(Map.of("orgUnit", "10005", "curp", bad, "firstName", "Curpmala", "lastName", "Ficticia"))
                    .post("/api/v1/beneficiaries").then().statusCode(422).contentType("application/problem+json")
                    .body("errors.field", hasItem("curp"));
        }
        // date of birth and sex must agree with the CURP
        as("trabajadora.durango").body(Map.of("orgUnit", "10005", "curp", "AAPR630321HDFLRC09", "firstName", "Curpmala",
                        "lastName", "Ficticia", "birthDate", "1963-03-22", "sex", "M"))
                .post("/api/v1/beneficiaries").then().statusCode(422).body("errors.field", hasItem("birthDate"))
                .body("errors.field", hasItem("sex"));
        assertEquals(before, (long) as("trabajadora.durango").get("/api/v1/beneficiaries?q=Curpmala").then().extract().<Integer>path("total"));
    }

    @Test
    void duplicatesAreFoundByCurpAndByNameAndBirthDateAndCanBeMerged() {
        String a = as("trabajadora.durango").body(Map.of("orgUnit", "10005", "curp", curp("DUPL700101HDGPLR0"), "firstName", "José",
                "lastName", "Duplicado", "secondLastName", "Pérez")).post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        as("trabajadora.durango").body(Map.of("orgUnit", "10005", "curp", curp("DUPL700101HDGPLR0"), "firstName", "Otro",
                "lastName", "Nombre")).post("/api/v1/beneficiaries").then().statusCode(409).body("detail", containsString(a));
        // the same person typed without accents and without CURP
        Map<String, Object> same = Map.of("orgUnit", "10005", "firstName", "JOSE", "lastName", "duplicado", "secondLastName", "Perez",
                "birthDate", "1970-01-01", "phone", "618 111 1111");
        as("trabajadora.durango").body(same).post("/api/v1/beneficiaries").then().statusCode(409)
                .body("detail", containsString("confirmNotDuplicate"));
        Map<String, Object> confirmed = new java.util.HashMap<>(same);
        confirmed.put("confirmNotDuplicate", true);
        String b = as("trabajadora.durango").body(confirmed).post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        as("trabajadora.durango").get("/api/v1/beneficiaries/duplicates?orgUnit=10005").then().statusCode(200)
                .body("find { it.beneficiaryId == '" + a + "' || it.duplicateId == '" + a + "' }", notNullValue());
        String caseId = intakeFor(b);
        as("director.durango").body(Map.of("duplicateId", b, "reason", "Misma persona registrada dos veces"))
                .post("/api/v1/beneficiaries/" + a + "/merge").then().statusCode(200).body("phone", equalTo("618 111 1111"));
        as("trabajadora.durango").get("/api/v1/cases/" + caseId).then().body("case.beneficiaryId", equalTo(a));
        as("trabajadora.durango").get("/api/v1/beneficiaries/" + b).then().statusCode(200).body("mergedInto", equalTo(a));
        as("trabajadora.durango").get("/api/v1/beneficiaries/" + a + "/history").then().statusCode(200).body("action", hasItem("MERGED"));
        as("trabajadora.durango").body(Map.of("orgUnit", "10005", "beneficiaryId", b, "origin", "WALK_IN", "category", "FOOD",
                "request", "x")).post("/api/v1/cases").then().statusCode(422).body("detail", containsString("fusionado"));
    }

    static String intakeFor(String beneficiary) {
        return as("trabajadora.durango").body(Map.of("orgUnit", "10005", "beneficiaryId", beneficiary, "origin", "DIRECTORATE",
                "category", "LEGAL", "request", "Asesoría")).post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    @Test
    void aReferralWithoutConsentNeedsTheDirectorsApprovalAndAnAgencyOffThePlatformStillGetsItsLetter() throws Exception {
        String adult = as("trabajadora.durango").body(Map.of("orgUnit", "10005", "firstName", "Sin", "lastName", "Consentimiento",
                "birthDate", "1975-05-05")).post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        String caseId = intakeFor(adult);
        move(caseId, "UNDER_REVIEW", null, 200);
        String referral = as("trabajadora.durango").body(Map.of("agencyId", "FUNDACION-FICTICIA", "request", "Beca escolar",
                        "consentOverrideReason", "Riesgo inminente; la persona no puede firmar"))
                .post("/api/v1/cases/" + caseId + "/referrals").then().statusCode(201).body("status", equalTo("AWAITING_APPROVAL"))
                .extract().path("id");
        as("trabajadora.durango").post("/api/v1/referrals/" + referral + "/letter").then().statusCode(409);
        as("trabajadora.durango").get("/api/v1/cases/" + caseId).then().body("case.status", equalTo("UNDER_REVIEW"));
        String approval = as("director.durango").get("/api/v1/approvals?caseId=" + caseId).then().statusCode(200)
                .body("items[0].kind", equalTo("CONSENT_OVERRIDE")).extract().path("items[0].id");
        as("director.durango").body(Map.of("decision", "APPROVED", "comment", "Procede")).post("/api/v1/approvals/" + approval + "/decision")
                .then().statusCode(200);
        as("trabajadora.durango").get("/api/v1/referrals/" + referral).then().body("status", equalTo("REQUESTED"));
        as("trabajadora.durango").get("/api/v1/cases/" + caseId).then().body("case.status", equalTo("REFERRED"));
        // tracked by hand: the unit records the foundation's answer
        as("trabajadora.durango").post("/api/v1/referrals/" + referral + "/letter").then().statusCode(200);
        as("trabajadora.durango").body(Map.of("status", "REJECTED")).post("/api/v1/referrals/" + referral + "/status")
                .then().statusCode(422);
        as("trabajadora.durango").body(Map.of("status", "REJECTED", "reason", "Sin cupo este ciclo"))
                .post("/api/v1/referrals/" + referral + "/status").then().statusCode(200);
        as("trabajadora.durango").get("/api/v1/referrals/" + referral + "/history").then().statusCode(200)
                .body("toStatus", equalTo(List.of("AWAITING_APPROVAL", "REQUESTED", "REJECTED")));
        // an adult consents for himself; a second referral of the same case then goes straight out
        as("trabajadora.durango").body(Map.of("givenBy", "BENEFICIARY")).post("/api/v1/cases/" + caseId + "/consents")
                .then().statusCode(201).body("givenBy", equalTo("BENEFICIARY"));
        as("trabajadora.durango").body(Map.of("agencyId", "SALUD-DGO", "request", "Consulta de valoración"))
                .post("/api/v1/cases/" + caseId + "/referrals").then().statusCode(201).body("status", equalTo("REQUESTED"));
    }

    @Test
    void badRequestsGetSpanishProblems() {
        as("trabajadora.durango").body("{\"orgUnit\": ").post("/api/v1/cases").then().statusCode(400)
                .contentType("application/problem+json");
        as("trabajadora.durango").body(Map.of("orgUnit", "10005", "beneficiaryId", UUID.randomUUID().toString(), "origin", "MARTE",
                        "category", "FOOD", "request", "x"))
                .post("/api/v1/cases").then().statusCode(422).body("errors.field", hasItem("origin"))
                .body("errors.field", hasItem("beneficiaryId"));
        as("trabajadora.durango").body(Map.of("orgUnit", "Durango capital", "firstName", "A", "lastName", "B", "municipality", "Durango"))
                .post("/api/v1/beneficiaries").then().statusCode(422).body("errors.field", hasItem("orgUnit"))
                .body("errors.field", hasItem("municipality")).body("detail", containsString("clave INEGI"));
        as("trabajadora.durango").get("/api/v1/cases/" + UUID.randomUUID()).then().statusCode(404).body("detail", containsString("No existe el caso"));
        as("trabajadora.durango").get("/api/v1/cases?size=1000").then().statusCode(400);
        as("trabajadora.durango").get("/api/v1/reports/monthly?orgUnit=10005&month=2021-13").then().statusCode(400);
        as("admin.dif").body(Map.of("id", "BAD id", "name", "", "kind", "OTRO", "services",
                        List.of(Map.of("name", "S", "minAge", 10, "maxAge", 5))))
                .post("/api/v1/agencies").then().statusCode(422).body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("services[0]"));
    }

    @Test
    void theAgencyDirectoryImportsFromASpreadsheetAllOrNothingAndExportsTheSameWay() {
        String csv = "Organización,Tipo,Servicio,Edad mínima,Edad máxima,Documentos requeridos,Área de servicio,Correo,Última verificación\n"
                + "Centro Ficticio de Rehabilitación,PRIVADA,Terapia física,0,17,Acta de nacimiento;CURP,10005;10007,contacto@crf.example,01/02/2021\n"
                + "Centro Ficticio de Rehabilitación,PRIVADA,Prótesis,18,99,Identificación oficial,,contacto@crf.example,01/02/2021\n";
        as("admin.dif").contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/agencies/import")
                .then().statusCode(200).body("imported", equalTo(1));
        as("trabajadora.durango").get("/api/v1/agencies/CENTRO-FICTICIO-DE-REHABILITACION").then().statusCode(200).body("kind", equalTo("PRIVATE"))
                .body("services.name", equalTo(List.of("Prótesis", "Terapia física"))).body("email", equalTo("contacto@crf.example"));
        as("trabajadora.durango").get("/api/v1/agencies?municipality=10007").then().statusCode(200)
                .body("items.id", hasItem("CENTRO-FICTICIO-DE-REHABILITACION"));

        // a bad row rejects the whole file with its row and column; what was there stays as it was
        String bad = "Organización,Tipo,Servicio,Edad mínima,Edad máxima\n"
                + "Otra Organización Ficticia,PUBLICA,Consulta,5,3\n"
                + "Centro Ficticio de Rehabilitación,PRIVADA,Terapia física,0,doce\n";
        as("admin.dif").contentType("text/csv").body(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/agencies/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.row", hasItem(2)).body("errors.row", hasItem(3)).body("errors.column", hasItem("Edad máxima"));
        as("trabajadora.durango").get("/api/v1/agencies?q=Otra Organización").then().body("total", equalTo(0));
        as("trabajadora.durango").get("/api/v1/agencies/CENTRO-FICTICIO-DE-REHABILITACION").then().body("services[1].maxAge", equalTo(17));

        // the export re-imports as the same directory
        byte[] xlsx = as("trabajadora.durango").get("/api/v1/agencies/export?format=xlsx").then().statusCode(200).extract().asByteArray();
        String before = as("trabajadora.durango").get("/api/v1/agencies/CENTRO-FICTICIO-DE-REHABILITACION").then().extract().asString();
        as("admin.dif").contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").body(xlsx)
                .post("/api/v1/agencies/import").then().statusCode(200);
        String after = as("trabajadora.durango").get("/api/v1/agencies/CENTRO-FICTICIO-DE-REHABILITACION").then().extract().asString();
        assertEquals(CaseTestSupport.json(before).get("services"), CaseTestSupport.json(after).get("services"));
    }

    @Test
    void theMonthlyReportIsDeliveredOnceAndOnTimeIsJudgedByTheDueDay() {
        as("director.durango").body(Map.of("orgUnit", "10005", "month", "2021-03", "deliveredOn", "2021-04-05"))
                .post("/api/v1/reports/monthly/delivery").then().statusCode(201).body("onTime", equalTo(true))
                .body("dueOn", equalTo("2021-04-05"));
        as("director.durango").body(Map.of("orgUnit", "10005", "month", "2021-03"))
                .post("/api/v1/reports/monthly/delivery").then().statusCode(409);
        as("director.durango").body(Map.of("orgUnit", "10005", "month", "2021-04", "deliveredOn", "2021-05-06"))
                .post("/api/v1/reports/monthly/delivery").then().statusCode(201).body("onTime", equalTo(false));
    }
}
