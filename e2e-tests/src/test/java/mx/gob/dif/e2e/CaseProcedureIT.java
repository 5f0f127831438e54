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

import static mx.gob.dif.e2e.Tokens.ADMIN;
import static mx.gob.dif.e2e.Tokens.CASE_WORKER;
import static mx.gob.dif.e2e.Tokens.DIRECTOR;
import static mx.gob.dif.e2e.Tokens.SALUD;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5 through the gateway: procedure PDG-02 on a realistic case of the Durango SMDIF (10005),
 * from intake to closed, with its documents, each step done by whom it belongs to and with that
 * person's real token: the case worker (trabajadora.durango) registers, reviews, refers and asks for
 * the closing, the director (director.durango) issues the letter and approves the closing, and the
 * health agency's system (agencia-salud) answers the referral. The procedure's indicators and a yearly
 * goal of cases attended move by exactly this case in indicators-service (other tests also work in
 * 10005, so the test compares with the values before it); the histories name who did each step; and
 * no name or CURP of the (fictitious) people involved appears on any Kafka topic or in any service log.
 */
class CaseProcedureIT {
    static final int YEAR = LocalDate.now().getYear();
    static final String UNIT = "10005";
    /** Distinctive fictitious names and CURPs, so finding them anywhere else is a real leak. */
    static final String GUARDIAN_NAME = "Zulema";
    static final String CHILD_NAME = "Xicoténcatl";
    static final String LAST_NAME = "Quetzalpruebas";
    static final String GUARDIAN_CURP_17 = "QUZZ800101MDGTLL0";
    static final String CHILD_CURP_17 = "QUXX120505HDGTCCA";

    @BeforeAll
    static void planAndAgency() {
        Api.useGateway();
        String plan = "{\"orgUnit\":\"" + UNIT + "\",\"fiscalYear\":" + YEAR + ",\"unit\":\"SMDIF Durango (prueba)\","
                + "\"programs\":[{\"code\":\"GS-01\",\"name\":\"Gestoría Social\",\"calendarMonths\":[\"ENE\",\"FEB\",\"MAR\",\"ABR\",\"MAY\","
                + "\"JUN\",\"JUL\",\"AGO\",\"SEP\",\"OCT\",\"NOV\",\"DIC\"],\"actions\":[{\"code\":\"GS-01-01\",\"description\":\"Casos atendidos\","
                + "\"targets\":[{\"indicatorCode\":\"GS-01-01\",\"unit\":\"Caso\",\"target\":702,\"caseMetric\":\"CASES_ATTENDED\"}]}]}]}";
        as(ADMIN).body(plan).post("/api/v1/work-plans/import").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        Api.importAgencies();
    }

    /** A JSON request through the gateway with {@code user}'s real token. */
    static RequestSpecification as(String user) {
        return Tokens.as(user).contentType(ContentType.JSON);
    }

    static String curp(String first17) {
        return first17 + Curp.checkDigit(first17);
    }

    @Test
    void procedurePdg02FromIntakeToClosedWithDocumentsIndicatorsAndNoPersonalDataOutside() throws Exception {
        // where the procedure's indicators and the yearly goal stand before this case (other tests work in 10005 too)
        Response procedureBefore = settledProcedure();
        procedureBefore.then().statusCode(200);
        int lettersBefore = procedureBefore.jsonPath().getInt("referralLetters.numerator");
        int requestedBefore = procedureBefore.jsonPath().getInt("referralLetters.denominator");
        int onTimeBefore = procedureBefore.jsonPath().getInt("followUpReportsOnTime.numerator");
        int followUpsBefore = procedureBefore.jsonPath().getInt("followUpReportsOnTime.denominator");
        int attendedBefore = procedureBefore.jsonPath().getInt("counts.casesAttended");
        int interventionsBefore = procedureBefore.jsonPath().getInt("counts.interventions");
        Response goalBefore = Api.indicator("GS-01-01", UNIT, Integer.toString(YEAR));
        int goalValueBefore = goalBefore.statusCode() == 200 ? goalBefore.jsonPath().getInt("value") : 0;

        String guardian = as(CASE_WORKER).body(Map.of("orgUnit", UNIT, "curp", curp(GUARDIAN_CURP_17), "firstName", GUARDIAN_NAME,
                "lastName", LAST_NAME, "municipality", UNIT)).post("/api/v1/beneficiaries").then().statusCode(201).extract().path("id");
        String child = as(CASE_WORKER).body(Map.of("orgUnit", UNIT, "curp", curp(CHILD_CURP_17), "firstName", CHILD_NAME,
                "lastName", LAST_NAME, "guardianId", guardian, "municipality", UNIT,
                "sensitive", Map.of("health", "Antecedente reportado por la escuela"))).post("/api/v1/beneficiaries").then().statusCode(201)
                .extract().path("id");
        // a wrong check digit is refused
        String wrongDigit = CHILD_CURP_17 + (curp(CHILD_CURP_17).endsWith("0") ? "1" : "0");
        as(CASE_WORKER).body(Map.of("orgUnit", UNIT, "curp", wrongDigit, "firstName", "Otro", "lastName", LAST_NAME))
                .post("/api/v1/beneficiaries").then().statusCode(422).body("detail", containsString("dígito verificador"));

        // 1. intake: a request previously investigated by the school rescue strategy
        String caseId = as(CASE_WORKER).body(Map.of("orgUnit", UNIT, "beneficiaryId", child, "origin", "SCHOOL_RESCUE",
                        "category", "HEALTH", "priority", "HIGH", "request", "Inasistencia por problemas de salud; la familia no puede cubrir la valoración",
                        "priorInvestigation", "Visita domiciliaria de la dupla psicosocial", "assignedWorker", CASE_WORKER))
                .post("/api/v1/cases").then().statusCode(201).body("folio", startsWith("CASO-" + UNIT + "-")).extract().path("id");
        // 2. review
        as(CASE_WORKER).body(Map.of("to", "UNDER_REVIEW")).post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);
        as(CASE_WORKER).body(Map.of("type", "GUARDIAN_MEETING", "date", LocalDate.now().toString(), "outcome", "Compromiso firmado"))
                .post("/api/v1/cases/" + caseId + "/interventions").then().statusCode(201);
        // 3–6. not DIF's competence → referral to the health agency, with the guardian's consent and a numbered letter
        as(CASE_WORKER).body(Map.of("givenBy", "GUARDIAN")).post("/api/v1/cases/" + caseId + "/consents").then().statusCode(201);
        String referral = as(CASE_WORKER).body(Map.of("agencyId", "SALUD-DGO", "request", "Valoración médica y nutricional"))
                .post("/api/v1/cases/" + caseId + "/referrals").then().statusCode(201).extract().path("id");
        String folio = as(DIRECTOR).post("/api/v1/referrals/" + referral + "/letter").then().statusCode(200)
                .extract().path("letterFolio");
        String letter = pdfText(Tokens.as(CASE_WORKER).get("/api/v1/referrals/" + referral + "/letter").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray());
        assertTrue(letter.contains(folio) && letter.contains("SOLICITUD DE GESTIÓN") && letter.contains("Secretaría de Salud (prueba)"), letter);
        assertTrue(letter.contains(CHILD_NAME), "the agency needs to know whom it attends");
        assertFalse(letter.contains(CHILD_CURP_17), "the CURP was not asked to be shared");
        // 7. the agency's system reads what was sent to it and grants the support
        Tokens.as(SALUD).get("/api/v1/referrals/" + referral).then().statusCode(200).body("agencyId", equalTo("SALUD-DGO"));
        assertTrue(pdfText(Tokens.as(SALUD).get("/api/v1/referrals/" + referral + "/letter").then().statusCode(200)
                .extract().asByteArray()).contains(folio));
        for (String s : List.of("RECEIVED", "ACCEPTED")) {
            as(SALUD).body(Map.of("status", s)).post("/api/v1/referrals/" + referral + "/status").then().statusCode(200);
        }
        as(SALUD).body(Map.of("status", "COMPLETED", "outcome", "SUPPORT_GRANTED", "outcomeDetail", "Valoración realizada"))
                .post("/api/v1/referrals/" + referral + "/status").then().statusCode(200);
        // 8–10. the Governor's office asks for the follow-up report; it is delivered on time
        String followUp = as(DIRECTOR).body(Map.of("office", "Despacho del C. Gobernador", "petitionRef", "OF-E2E/1", "dueInDays", 15))
                .post("/api/v1/cases/" + caseId + "/follow-up-requests").then().statusCode(201).extract().path("id");
        as(DIRECTOR).body(Map.of()).post("/api/v1/follow-up-requests/" + followUp + "/report").then().statusCode(200);
        String report = pdfText(Tokens.as(DIRECTOR).get("/api/v1/follow-up-requests/" + followUp + "/report").then().statusCode(200)
                .extract().asByteArray());
        assertTrue(report.contains("Despacho del C. Gobernador") && report.contains("Apoyo otorgado"), report);
        // follow-up until the best possible solution → closed with the director's approval
        as(CASE_WORKER).body(Map.of("to", "FOLLOW_UP")).post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);
        as(CASE_WORKER).body(Map.of("to", "RESOLVED")).post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(200);
        String approval = as(CASE_WORKER).body(Map.of("reason", "El alumno asiste con regularidad"))
                .post("/api/v1/cases/" + caseId + "/closure").then().statusCode(202).extract().path("id");
        as(DIRECTOR).body(Map.of("decision", "APPROVED", "comment", "Procede el cierre"))
                .post("/api/v1/approvals/" + approval + "/decision").then().statusCode(200);
        Tokens.as(CASE_WORKER).get("/api/v1/cases/" + caseId).then().statusCode(200).body("case.status", equalTo("CLOSED"));
        as(CASE_WORKER).body(Map.of("to", "REFERRED")).post("/api/v1/cases/" + caseId + "/transitions").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("Cerrado"));
        // who did what is who the token says, never a header the caller could choose
        Tokens.as(CASE_WORKER).get("/api/v1/cases/" + caseId + "/history").then().statusCode(200)
                .body("find { it.toStatus == 'UNDER_REVIEW' }.actor", equalTo(CASE_WORKER))
                .body("actor", everyItem(org.hamcrest.Matchers.oneOf(CASE_WORKER, DIRECTOR)));
        Tokens.as(CASE_WORKER).get("/api/v1/referrals/" + referral + "/history").then().statusCode(200)
                .body("find { it.toStatus == 'COMPLETED' }.actor", equalTo(SALUD));
        // 11. the monthly report lists the case
        String csv = Tokens.as(CASE_WORKER).accept("text/csv").get("/api/v1/reports/monthly?orgUnit=" + UNIT + "&month=" + java.time.YearMonth.now())
                .then().statusCode(200).extract().asString();
        assertTrue(csv.contains("Canalizado a Secretaría de Salud (prueba)"), csv);
        assertFalse(csv.contains(CHILD_NAME) || csv.contains(LAST_NAME), "no names in the monthly report");

        // the procedure's indicators and the yearly goal of cases attended, in indicators-service: this case, once
        Response procedure = await(() -> Tokens.as(DIRECTOR).get("/api/v1/indicators/procedure?orgUnit=" + UNIT + "&period=" + YEAR),
                r -> r.statusCode() == 200 && r.jsonPath().getInt("followUpReportsOnTime.numerator") >= onTimeBefore + 1
                        && r.jsonPath().getInt("referralLetters.numerator") >= lettersBefore + 1
                        && r.jsonPath().getInt("counts.casesAttended") >= attendedBefore + 1);
        procedure.then().statusCode(200)
                .body("referralLetters.numerator", equalTo(lettersBefore + 1)).body("referralLetters.denominator", equalTo(requestedBefore + 1))
                .body("followUpReportsOnTime.numerator", equalTo(onTimeBefore + 1)).body("followUpReportsOnTime.denominator", equalTo(followUpsBefore + 1))
                .body("counts.casesAttended", equalTo(attendedBefore + 1)).body("counts.interventions", equalTo(interventionsBefore + 1));
        Response goal = await(() -> Api.indicator("GS-01-01", UNIT, Integer.toString(YEAR)),
                r -> r.statusCode() == 200 && r.jsonPath().getInt("value") >= goalValueBefore + 1);
        goal.then().body("value", equalTo(goalValueBefore + 1)).body("target", equalTo(702));

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

    /** The procedure's numbers once they stop moving (case events of an earlier test in 10005 may still be on their way). */
    static Response settledProcedure() throws InterruptedException {
        java.util.function.Supplier<Response> read = () -> Tokens.as(DIRECTOR).get("/api/v1/indicators/procedure?orgUnit=" + UNIT + "&period=" + YEAR);
        java.util.function.Function<Response, String> numbers = r -> r.statusCode() + " " + r.jsonPath().getString("referralLetters")
                + r.jsonPath().getString("followUpReportsOnTime") + r.jsonPath().getString("counts");
        Response last = read.get();
        for (int i = 0; i < 15; i++) {
            Thread.sleep(1000);
            Response now = read.get();
            if (numbers.apply(now).equals(numbers.apply(last))) {
                return now;
            }
            last = now;
        }
        return last;
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
