package mx.gob.dif.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.cases.domain.Curp;
import mx.gob.dif.deploy.infra.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5 through the gateway: procedure PDG-02 on a realistic case of the Gómez Palacio SMDIF
 * (10007), from intake to closed, with its documents; the procedure's indicators and a yearly goal
 * of cases attended come out right in indicators-service; and no name or CURP of the (fictitious)
 * people involved appears on any Kafka topic or in any service log of the run.
 */
class CaseProcedureIT {
    static final int YEAR = LocalDate.now().getYear();
    static final String UNIT = "10007";
    /** Distinctive fictitious names and CURPs, so finding them anywhere else is a real leak. */
    static final String GUARDIAN_NAME = "Zulema";
    static final String CHILD_NAME = "Xicoténcatl";
    static final String LAST_NAME = "Quetzalpruebas";
    static final String GUARDIAN_CURP_17 = "QUZZ800101MDGTLL0";
    static final String CHILD_CURP_17 = "QUXX120505HDGTCCA";

    @BeforeAll
    static void planAndAgency() {
        Api.useGateway();
        String plan = "{\"orgUnit\":\"" + UNIT + "\",\"fiscalYear\":" + YEAR + ",\"unit\":\"SMDIF Gómez Palacio (prueba)\","
                + "\"programs\":[{\"code\":\"GS-01\",\"name\":\"Gestoría Social\",\"calendarMonths\":[\"ENE\",\"FEB\",\"MAR\",\"ABR\",\"MAY\","
                + "\"JUN\",\"JUL\",\"AGO\",\"SEP\",\"OCT\",\"NOV\",\"DIC\"],\"actions\":[{\"code\":\"GS-01-01\",\"description\":\"Casos atendidos\","
                + "\"targets\":[{\"indicatorCode\":\"GS-01-01\",\"unit\":\"Caso\",\"target\":702,\"caseMetric\":\"CASES_ATTENDED\"}]}]}]}";
        given().contentType(ContentType.JSON).body(plan).post("/api/v1/work-plans/import").then().statusCode(201);
        given().contentType(ContentType.JSON).body("""
                [{"id":"SEED-DGO-E2E","name":"Secretaría de Educación (prueba)","kind":"PUBLIC","onPlatform":true,
                  "services":[{"name":"Beca de permanencia escolar","minAge":6,"maxAge":18,"requiredDocuments":["Constancia de estudios"]}]}]""")
                .post("/api/v1/agencies/import").then().statusCode(200);
    }

    static RequestSpecification as(String user) {
        return given().header("X-Dif-User", user).contentType(ContentType.JSON);
    }

    static String curp(String first17) {
        return first17 + Curp.checkDigit(first17);
    }

    @Test
    void procedurePdg02FromIntakeToClosedWithDocumentsIndicatorsAndNoPersonalDataOutside() throws Exception {
        String guardian = as("trabajadora.gomez").body(Map.of("orgUnit", UNIT, "curp", curp(GUARDIAN_CURP_17), "firstName", GUARDIAN_NAME,
                "lastName", LAST_NAME, "municipality", UNIT)).post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        String child = as("trabajadora.gomez").body(Map.of("orgUnit", UNIT, "curp", curp(CHILD_CURP_17), "firstName", CHILD_NAME,
                "lastName", LAST_NAME, "guardianId", guardian, "municipality", UNIT,
                "sensitive", Map.of("violence", "Antecedente reportado por la escuela"))).post("/api/v1/beneficiaries").then().statusCode(201)
                .extract().path("id");
        // a wrong check digit is refused
        String wrongDigit = CHILD_CURP_17 + (curp(CHILD_CURP_17).endsWith("0") ? "1" : "0");
        as("trabajadora.gomez").body(Map.of("orgUnit", UNIT, "curp", wrongDigit, "firstName", "Otro", "lastName", LAST_NAME))
                .post("/api/v1/beneficiaries").then().statusCode(422).body("detail", containsString("dígito verificador"));

        // 1. intake: a request previously investigated by the school rescue strategy
        String caseId = as("trabajadora.gomez").body(Map.of("orgUnit", UNIT, "beneficiaryId", child, "origin", "SCHOOL_RESCUE",
                        "category", "EDUCATION", "priority", "HIGH", "request", "Inasistencia grave; la familia no puede cubrir útiles y transporte",
                        "priorInvestigation", "Visita domiciliaria de la dupla psicosocial", "assignedWorker", "trabajadora.gomez"))
                .post("/api/v1/cases").then().statusCode(201).body("folio", startsWith("CASO-" + UNIT + "-")).extract().path("id");
        // 2. review
        as("director.gomez").body(Map.of("to", "UNDER_REVIEW")).post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);
        as("trabajadora.gomez").body(Map.of("type", "GUARDIAN_MEETING", "date", LocalDate.now().toString(), "outcome", "Compromiso firmado"))
                .post("/api/v1/cases/" + caseId + "/interventions").then().statusCode(201);
        // 3–6. not DIF's competence → referral to the education agency, with the guardian's consent and a numbered letter
        as("trabajadora.gomez").body(Map.of("givenBy", "GUARDIAN")).post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201);
        String referral = as("director.gomez").body(Map.of("agencyId", "SEED-DGO-E2E", "request", "Beca de permanencia escolar"))
                .post("/api/v1/cases/" + caseId + "/referrals").then().statusCode(201).extract().path("id");
        String folio = as("director.gomez").post("/api/v1/referrals/" + referral + "/letter").then().statusCode(200)
                .extract().path("letterFolio");
        String letter = pdfText(given().get("/api/v1/referrals/" + referral + "/letter").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray());
        assertTrue(letter.contains(folio) && letter.contains("SOLICITUD DE GESTIÓN") && letter.contains("Secretaría de Educación (prueba)"), letter);
        assertTrue(letter.contains(CHILD_NAME), "the agency needs to know whom it attends");
        assertFalse(letter.contains(CHILD_CURP_17), "the CURP was not asked to be shared");
        // 7. the agency grants the support
        for (String s : List.of("RECEIVED", "ACCEPTED")) {
            as("agencia-educacion").body(Map.of("status", s)).post("/api/v1/referrals/" + referral + "/status").then().statusCode(200);
        }
        as("agencia-educacion").body(Map.of("status", "COMPLETED", "outcome", "SUPPORT_GRANTED", "outcomeDetail", "Beca asignada"))
                .post("/api/v1/referrals/" + referral + "/status").then().statusCode(200);
        // 8–10. the Governor's office asks for the follow-up report; it is delivered on time
        String followUp = as("director.gomez").body(Map.of("office", "Despacho del C. Gobernador", "petitionRef", "OF-E2E/1", "dueInDays", 15))
                .post("/api/v1/cases/" + caseId + "/follow-up-requests").then().statusCode(201).extract().path("id");
        as("director.gomez").body(Map.of()).post("/api/v1/follow-up-requests/" + followUp + "/report").then().statusCode(200);
        String report = pdfText(given().get("/api/v1/follow-up-requests/" + followUp + "/report").then().statusCode(200).extract().asByteArray());
        assertTrue(report.contains("Despacho del C. Gobernador") && report.contains("Apoyo otorgado"), report);
        // follow-up until the best possible solution → closed with the director's approval
        as("trabajadora.gomez").body(Map.of("to", "FOLLOW_UP")).post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);
        as("trabajadora.gomez").body(Map.of("to", "RESOLVED")).post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);
        String approval = as("trabajadora.gomez").body(Map.of("reason", "El alumno asiste con regularidad"))
                .post("/api/v1/cases/" + caseId + "/closure").then().statusCode(202).extract().path("id");
        as("director.gomez").body(Map.of("decision", "APPROVED", "comment", "Procede el cierre"))
                .post("/api/v1/approvals/" + approval + "/decision").then().statusCode(200);
        given().get("/api/v1/cases/" + caseId).then().statusCode(200).body("case.status", equalTo("CLOSED"));
        as("trabajadora.gomez").body(Map.of("to", "REFERRED")).post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("Cerrado"));
        // 11. the monthly report lists the case
        String csv = given().accept("text/csv").get("/api/v1/reports/monthly?orgUnit=" + UNIT + "&month=" + java.time.YearMonth.now())
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("Canalizado a Secretaría de Educación (prueba)"), csv);
        assertFalse(csv.contains(CHILD_NAME) || csv.contains(LAST_NAME), "no names in the monthly report");

        // the procedure's indicators and the yearly goal of cases attended, in indicators-service
        Response procedure = await(() -> given().get("/api/v1/indicators/procedure?orgUnit=" + UNIT + "&period=" + YEAR),
                r -> r.statusCode() == 200 && r.jsonPath().getInt("followUpReportsOnTime.numerator") >= 1
                        && r.jsonPath().getInt("referralLetters.numerator") >= 1);
        procedure.then().statusCode(200)
                .body("referralLetters.numerator", equalTo(1)).body("referralLetters.denominator", equalTo(1))
                .body("referralLetters.percent", equalTo(100))
                .body("followUpReportsOnTime.numerator", equalTo(1)).body("followUpReportsOnTime.denominator", equalTo(1))
                .body("counts.casesAttended", equalTo(1)).body("counts.interventions", equalTo(1));
        Response goal = await(() -> Api.indicator("GS-01-01", UNIT, Integer.toString(YEAR)),
                r -> r.statusCode() == 200 && r.jsonPath().getInt("value") == 1);
        goal.then().body("value", equalTo(1)).body("target", equalTo(702)).body("percent", equalTo(0.14f));

        // no name or CURP anywhere outside cases-service
        List<String> secrets = List.of(GUARDIAN_NAME, CHILD_NAME, LAST_NAME, GUARDIAN_CURP_17, CHILD_CURP_17, "Antecedente reportado");
        List<String> records = allTopicRecords();
        assertTrue(records.stream().anyMatch(r -> r.contains("\"change\":\"FOLLOW_UP_DELIVERED\"")), "the case events were read");
        for (String r : records) {
            for (String s : secrets) {
                assertFalse(r.contains(s), "personal data '" + s + "' on Kafka: " + r);
            }
        }
        try (Stream<Path> logs = Files.list(PlatformStack.get().logs())) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                for (String s : secrets) {
                    assertFalse(text.contains(s), "personal data '" + s + "' in " + log.getFileName());
                }
            }
        }
    }

    static Response await(java.util.function.Supplier<Response> call, Predicate<Response> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Response r = call.get();
        while (!done.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = call.get();
        }
        return r;
    }

    static List<String> allTopicRecords() {
        List<String> topics = TopicSpec.platformTopics().stream().map(TopicSpec::name).toList();
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformStack.get().kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-privacy-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(topics);
            int idle = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (idle < 5 && System.nanoTime() < deadline) {
                var batch = consumer.poll(Duration.ofMillis(500));
                idle = batch.isEmpty() ? idle + 1 : 0;
                batch.forEach(r -> values.add(r.key() + " " + r.value()));
            }
        }
        return values;
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
