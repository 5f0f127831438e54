package mx.gob.dif.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import mx.gob.dif.deploy.Stack;
import mx.gob.dif.deploy.infra.TokenClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static mx.gob.dif.e2e.Tokens.ADMIN;
import static mx.gob.dif.e2e.Tokens.ANALYST;
import static mx.gob.dif.e2e.Tokens.CASE_WORKER;
import static mx.gob.dif.e2e.Tokens.DIRECTOR;
import static mx.gob.dif.e2e.Tokens.EDUCACION;
import static mx.gob.dif.e2e.Tokens.OPERATOR;
import static mx.gob.dif.e2e.Tokens.OPERATOR_GOMEZ;
import static mx.gob.dif.e2e.Tokens.SALUD;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * docs/SECURITY.md's role × action matrix, through the gateway, with real Keycloak tokens of the demo
 * identities: every role can do what it must and gets 403 for everything else (422 where the spec
 * says so), including a municipality on another's data and an agency on another agency's referral.
 * Then tokens that are missing, expired, signed by someone else, from another issuer or tampered
 * with: 401, from the gateway and from each service called directly.
 * <p>
 * One row per (who, method, path, expected). "Permitido" means the caller got past access control:
 * anything but 401, 403 or a 5xx (a 404 or 409 from the business rules is fine; whether the action
 * itself works is the other tests' business). Rows run in the order written, against fixtures the
 * right roles create first (a plan of 10005 for fiscal year {@value #YEAR}, which no other test
 * uses; a case of 10005 with referrals to SALUD-DGO and SEED-DGO; an approval request). A row that
 * needs a fixture that could not be made fails saying so, instead of passing against a random id.
 */
class AccessMatrixIT {
    static final int YEAR = 2019;
    static final String UNIT = "10005";
    static final List<String> EVERYONE = List.of(OPERATOR, OPERATOR_GOMEZ, CASE_WORKER, DIRECTOR, ANALYST, ADMIN, SALUD, EDUCACION);

    /** Ids the rows refer to as {name}; {new} is a fresh UUID every time. */
    private static final Map<String, String> fixture = new LinkedHashMap<>();
    private static final List<String> fixtureProblems = new ArrayList<>();
    /** A token of a client whose tokens live 5 s (created through Keycloak's admin API), and whether it worked while fresh. */
    private static String expiringToken;
    private static int expiringTokenWhenFresh;

    // ------------------------------------------------------------------ the matrix

    enum Expect {
        ALLOWED("permitido"), UNAUTHENTICATED("401"), FORBIDDEN("403"), UNPROCESSABLE("422"),
        /** 403, or a list that shows none of another's (the spec fixes what is seen, not which of the two). */
        FORBIDDEN_OR_FILTERED("403 o filtrado");

        final String label;

        Expect(String label) {
            this.label = label;
        }
    }

    record Row(String action, String who, String method, String path, String body, Expect expect, String bodyRule,
               Predicate<String> bodyCheck) {
        @Override
        public String toString() {
            return String.format("%-20s %-6s %-62s → %s%s   [%s]", who, method, path, expect.label,
                    bodyRule == null ? "" : ", " + bodyRule, action);
        }
    }

    /** One action of the spec, asked of every identity: allowed for some, 403 for the others unless said otherwise. */
    static final class Action {
        final String name;
        final String method;
        final String path;
        final String body;
        final Map<String, Expect> expected = new LinkedHashMap<>();
        final Map<String, String> ruleOf = new LinkedHashMap<>();
        final Map<String, Predicate<String>> checkOf = new LinkedHashMap<>();
        List<String> asked = EVERYONE;

        Action(String name, String request, String body) {
            this.name = name;
            String[] parts = request.split(" ", 2);
            this.method = parts[0];
            this.path = parts[1];
            this.body = body;
        }

        Action allow(String... who) {
            for (String w : who) {
                expected.put(w, Expect.ALLOWED);
            }
            return this;
        }

        Action expect(String who, Expect e) {
            expected.put(who, e);
            return this;
        }

        /** Allowed, and the answer's body must satisfy {@code check} (described by {@code rule}). */
        Action allowWhere(String who, String rule, Predicate<String> check) {
            expected.put(who, Expect.ALLOWED);
            ruleOf.put(who, rule);
            checkOf.put(who, check);
            return this;
        }

        /** 403, or allowed with a body satisfying {@code check}. */
        Action forbidOrFilter(String who, String rule, Predicate<String> check) {
            expected.put(who, Expect.FORBIDDEN_OR_FILTERED);
            ruleOf.put(who, rule);
            checkOf.put(who, check);
            return this;
        }

        /** Only these identities are asked (the others' answer is not fixed by the spec). */
        Action only(String... who) {
            asked = List.of(who);
            return this;
        }

        Stream<Row> rows() {
            return asked.stream().map(w -> new Row(name, w, method, path, body, expected.getOrDefault(w, Expect.FORBIDDEN),
                    ruleOf.get(w), checkOf.get(w)));
        }
    }

    static Action action(String name, String request) {
        return new Action(name, request, null);
    }

    static Action action(String name, String request, String body) {
        return new Action(name, request, body);
    }

    static boolean noneOfSalud(String body) {
        return !body.contains(fixtureOf("referral")) && !body.contains("\"SALUD-DGO\"");
    }

    static final String PLAN = "{\"orgUnit\":\"" + UNIT + "\",\"fiscalYear\":" + YEAR + ",\"unit\":\"SMDIF Durango (prueba de accesos)\","
            + "\"programs\":[{\"code\":\"AM-01\",\"name\":\"Programa de prueba de accesos\",\"calendarMonths\":[\"ENE\",\"FEB\",\"MAR\",\"ABR\","
            + "\"MAY\",\"JUN\",\"JUL\",\"AGO\",\"SEP\",\"OCT\",\"NOV\",\"DIC\"],\"actions\":[{\"code\":\"AM-01-01\",\"description\":\"Visitas\","
            + "\"targets\":[{\"indicatorCode\":\"AM-01-01\",\"unit\":\"Visita\",\"target\":100}]}]}]}";
    static final String AGENCIES = """
            [{"id":"SALUD-DGO","name":"Secretaría de Salud (prueba)","kind":"PUBLIC","onPlatform":true,
              "services":[{"name":"Valoración médica y nutricional","minAge":0,"maxAge":17,"requiredDocuments":["Acta de nacimiento"]}]},
             {"id":"SEED-DGO","name":"Secretaría de Educación (prueba)","kind":"PUBLIC","onPlatform":true,
              "services":[{"name":"Beca de permanencia escolar","minAge":6,"maxAge":18,"requiredDocuments":["Constancia de estudios"]}]}]""";

    /** Nobody listens on port 9 (discard): deliveries fail and are retried, which is none of this test's business. */
    static final String WEBHOOK = "{\"url\":\"http://127.0.0.1:9/dif\",\"events\":[\"indicator.updated\"],\"orgUnits\":[\"" + UNIT + "\"],"
            + "\"agency\":\"SALUD-DGO\"}";

    static List<Row> matrix() {
        String q = "?orgUnit=" + UNIT + "&fiscalYear=" + YEAR;
        String p = "?orgUnit=" + UNIT + "&period=" + YEAR;
        String report = "[{\"id\":\"{new}\",\"indicator\":\"AM-01-01\",\"orgUnit\":\"" + UNIT + "\",\"date\":\"" + YEAR + "-03-01\",\"quantity\":1}]";
        String month = YEAR + "-11";                                               // no report of the matrix is dated in it
        String person = "{\"orgUnit\":\"" + UNIT + "\",\"firstName\":\"Acceso\",\"lastName\":\"Matriz {new}\",\"municipality\":\"" + UNIT
                + "\",\"confirmNotDuplicate\":true}";
        String[] readers = {OPERATOR, CASE_WORKER, DIRECTOR, ANALYST, ADMIN};      // plans and indicators of 10005
        String[] unitStaff = {CASE_WORKER, DIRECTOR};                              // a person's data of 10005
        return Stream.of(
                // org units and the agency directory: everyone reads, only the administrator changes
                action("Read org units", "GET /org-units/10005").allow(EVERYONE.toArray(String[]::new)),
                action("Read org units", "GET /org-units?parent=10").allow(EVERYONE.toArray(String[]::new)),
                action("Create / change org units", "POST /org-units", "{}").allow(ADMIN),
                action("Read the agency directory", "GET /agencies").allow(EVERYONE.toArray(String[]::new)),
                action("Read the agency directory", "GET /agencies/SALUD-DGO").allow(EVERYONE.toArray(String[]::new)),
                action("Change the agency directory", "POST /agencies/import", AGENCIES).allow(ADMIN),

                // work plans: read in line with one's unit, imported and edited by the administrator
                action("Read work plans, programs, actions, targets", "GET /work-plans" + q).allow(readers),
                action("Read work plans, programs, actions, targets", "GET /work-plans/{plan}").allow(readers),
                action("Read work plans, programs, actions, targets", "GET /programs/AM-01" + q).allow(readers),
                action("Read work plans, programs, actions, targets", "GET /actions" + q).allow(readers),
                action("Read work plans, programs, actions, targets", "GET /targets" + q).allow(readers),
                action("Read work plans, programs, actions, targets", "GET /work-plans?orgUnit=10&fiscalYear=" + YEAR)
                        .allow(OPERATOR, OPERATOR_GOMEZ, CASE_WORKER, DIRECTOR, ANALYST, ADMIN), // the state's plan: above every unit
                action("Read work plans, programs, actions, targets", "GET /work-plans?orgUnit=10007&fiscalYear=" + YEAR)
                        .allow(OPERATOR_GOMEZ, ANALYST, ADMIN),
                action("Import / edit work plans", "POST /work-plans/import", PLAN).allow(ADMIN),
                action("Import / edit work plans", "PUT /work-plans/{plan}/targets/AM-01-01", "{\"unit\":\"Visita\",\"target\":100}").allow(ADMIN),
                // the country's plan lies above the state's administrator (unit 10): not its to edit
                action("Import / edit work plans (own unit)", "POST /work-plans/import", PLAN.replace("\"" + UNIT + "\"", "\"MX\""))
                        .only(ADMIN),

                // activities: the unit's operator and director; another municipality's operator gets 422 (nothing stored)
                action("Report activities", "POST /activities", report).allow(OPERATOR, DIRECTOR)
                        .expect(OPERATOR_GOMEZ, Expect.UNPROCESSABLE),
                action("Retract activities", "POST /activities/{activity}/retraction", "{\"reason\":\"prueba de accesos\"}")
                        .allow(OPERATOR, DIRECTOR),

                // the reporting cycle of a month of 10005: the unit submits it, the state above it accepts, returns or reopens it
                action("Submit a month", "POST /reporting/" + UNIT + "/" + month + "/submission").allow(OPERATOR, DIRECTOR),
                action("Read a month's submission", "GET /reporting/" + UNIT + "/" + month + "/submission").allow(OPERATOR, DIRECTOR, ANALYST, ADMIN),
                action("List submissions", "GET /reporting/submissions?orgUnit=" + UNIT + "&year=" + YEAR).allow(OPERATOR, DIRECTOR, ANALYST, ADMIN),
                action("Accept or return a submitted month", "POST /reporting/" + UNIT + "/" + month + "/submission/acceptance")
                        .allow(ANALYST, ADMIN),
                action("Accept or return a submitted month", "POST /reporting/" + UNIT + "/" + month + "/submission/return",
                        "{\"reason\":\"Prueba de accesos\"}").allow(ANALYST, ADMIN),
                action("Reopen an accepted month", "POST /reporting/" + UNIT + "/" + month + "/submission/reopening",
                        "{\"reason\":\"Prueba de accesos\"}").allow(ADMIN),

                // indicators: every staff role within its unit; an agency only for units granted to its client (the demo agencies have none: 403)
                action("Read indicators", "GET /indicators/AM-01-01" + p).allow(readers),
                action("Read progress", "GET /programs/AM-01/progress" + p).allow(readers),
                action("Read outcome goals", "GET /outcome-goals" + q).allow(readers),
                action("Read procedure indicators", "GET /indicators/procedure" + p).allow(readers),
                action("Read the closing report", "GET /reports/closing" + q).allow(readers),
                action("Read the closing report", "GET /reports/closing?orgUnit=10&fiscalYear=" + YEAR).allow(ANALYST, ADMIN),
                action("Read breakdowns by unit", "GET /indicators/AM-01-01/breakdown" + p).allow(readers),
                action("Read breakdowns by unit", "GET /programs/AM-01/progress/breakdown" + p).allow(readers),
                action("Read reporting completeness", "GET /reporting/completeness?orgUnit=" + UNIT + "&period=" + YEAR + "-03").allow(readers),
                action("Read reporting completeness", "GET /reporting/completeness?orgUnit=10&period=" + YEAR + "-03").allow(ANALYST, ADMIN),
                action("Rebuild indicators", "GET /admin/rebuild").allow(ADMIN),
                // POST /admin/rebuild is asked of everyone but the administrator: a real rebuild would disturb the other tests
                action("Rebuild indicators", "POST /admin/rebuild", "{}")
                        .only(OPERATOR, OPERATOR_GOMEZ, CASE_WORKER, DIRECTOR, ANALYST, SALUD, EDUCACION),
                action("Dead letters", "GET /admin/dead-letters").allow(ADMIN),
                // the administrator's read of one may be a 404 (nothing dead-lettered at 0/0): access is what is checked
                action("Dead letters", "GET /admin/dead-letters/0/0").allow(ADMIN),
                // a replay is asked of everyone but the administrator, like the rebuild: it would write to a platform topic
                action("Dead letters", "POST /admin/dead-letters/0/0/replay", "{}")
                        .only(OPERATOR, OPERATOR_GOMEZ, CASE_WORKER, DIRECTOR, ANALYST, SALUD, EDUCACION),

                // a person's data: the unit's case workers and director, nobody else (the analyst never)
                action("Beneficiaries", "GET /beneficiaries?orgUnit=" + UNIT).allow(unitStaff),
                action("Beneficiaries (other unit)", "GET /beneficiaries?orgUnit=10007").only(unitStaff),
                action("Beneficiaries", "GET /beneficiaries/{beneficiary}").allow(unitStaff),
                action("Beneficiaries", "POST /beneficiaries", person).allow(unitStaff),
                action("Beneficiaries (other unit)", "POST /beneficiaries", person.replace("\"" + UNIT + "\"", "\"10007\"")).only(unitStaff),
                action("Cases", "GET /cases?orgUnit=" + UNIT).allow(unitStaff),
                action("Cases (other unit)", "GET /cases?orgUnit=10007").only(unitStaff),
                action("Cases", "POST /cases", "{\"orgUnit\":\"" + UNIT + "\",\"beneficiaryId\":\"{beneficiary}\",\"origin\":\"WALK_IN\","
                        + "\"category\":\"OTHER\",\"request\":\"Prueba de accesos\"}").allow(unitStaff),
                action("Cases", "GET /cases/{case}").allow(unitStaff),
                action("Cases", "GET /cases/{case}/history").allow(unitStaff),
                action("Interventions", "POST /cases/{case}/interventions", "{\"type\":\"HOME_VISIT\",\"date\":\"" + LocalDate.now()
                        + "\",\"outcome\":\"Prueba de accesos\"}").allow(unitStaff),
                action("Consents", "POST /cases/{case}/consents", "{\"givenBy\":\"BENEFICIARY\"}").allow(unitStaff),
                action("Enrollments", "POST /cases/{case}/enrollments", "{\"programCode\":\"AM-01\",\"fiscalYear\":" + YEAR + "}").allow(unitStaff),
                // dueInDays out of range: allowed callers get a 422, nothing is created
                action("Follow-ups", "POST /cases/{case}/follow-up-requests", "{\"office\":\"Prueba de accesos\",\"dueInDays\":99}").allow(unitStaff),
                action("Follow-ups", "GET /follow-up-requests?orgUnit=" + UNIT).allow(unitStaff),
                action("Tasks", "GET /tasks?orgUnit=" + UNIT).allow(unitStaff),
                action("Monthly report", "GET /reports/monthly?orgUnit=" + UNIT + "&month=" + YEAR + "-03").allow(unitStaff),
                action("Monthly report (other unit)", "GET /reports/monthly?orgUnit=10007&month=" + YEAR + "-03").only(unitStaff),
                action("Decide a consent-override approval", "POST /approvals/{approval}/decision",
                        "{\"decision\":\"REJECTED\",\"comment\":\"Prueba de accesos\"}").allow(DIRECTOR),
                action("Read the audit trail", "GET /audit?orgUnit=" + UNIT + "&resourceType=CASE&resourceId={case}").allow(DIRECTOR),

                // referrals: the unit's staff create, issue and revoke; the agency addressed reads and answers
                action("Create referrals", "POST /cases/{case}/referrals", "{\"agencyId\":\"SEED-DGO\",\"request\":\"Prueba de accesos\","
                        + "\"consentId\":\"{consent}\"}").allow(unitStaff),
                action("Issue letters", "POST /referrals/{referral}/letter").allow(unitStaff),
                action("Revoke", "POST /referrals/{referralToRevoke}/revocation", "{\"reason\":\"Prueba de accesos\"}").allow(unitStaff),
                action("List referrals", "GET /referrals?orgUnit=" + UNIT)
                        .only(OPERATOR, OPERATOR_GOMEZ, CASE_WORKER, DIRECTOR, ANALYST, ADMIN).allow(unitStaff),
                action("List referrals", "GET /referrals")
                        .only(SALUD, EDUCACION)
                        .allowWhere(SALUD, "incluye la canalización a SALUD-DGO", body -> body.contains(fixtureOf("referral")))
                        .allowWhere(EDUCACION, "sin ninguna de SALUD-DGO", AccessMatrixIT::noneOfSalud),
                action("List referrals", "GET /referrals?agency=SALUD-DGO")
                        .only(SALUD, EDUCACION)
                        .allowWhere(SALUD, "incluye la canalización a SALUD-DGO", body -> body.contains(fixtureOf("referral")))
                        .forbidOrFilter(EDUCACION, "sin ninguna de SALUD-DGO", AccessMatrixIT::noneOfSalud),
                action("Read referrals", "GET /referrals/{referral}").allow(CASE_WORKER, DIRECTOR, SALUD),
                action("Read referrals", "GET /referrals/{referral}/history").allow(CASE_WORKER, DIRECTOR, SALUD),
                action("Download their letter", "GET /referrals/{referral}/letter").allow(CASE_WORKER, DIRECTOR, SALUD),
                action("Answer a referral", "POST /referrals/{referral}/status", "{\"status\":\"RECEIVED\"}")
                        .allow(CASE_WORKER, DIRECTOR, SALUD),

                // webhooks: an agency's own subscriptions and delivery log; the administrator sees all
                // agencia-educacion may subscribe only for itself: naming SALUD-DGO is refused
                action("Webhook subscriptions", "POST /webhooks", WEBHOOK).allow(SALUD, ADMIN),
                action("Webhook subscriptions", "GET /webhooks").allow(SALUD, EDUCACION, ADMIN),
                action("Webhook subscriptions", "GET /webhooks/{webhook}").allow(SALUD, ADMIN),
                action("Webhook delivery log", "GET /webhooks/{webhook}/deliveries").allow(SALUD, ADMIN),
                action("Webhook subscriptions", "POST /webhooks/{webhook}/test").allow(SALUD, ADMIN)
        ).flatMap(Action::rows).toList();
    }

    // ------------------------------------------------------------------ fixtures, made by who may make them

    @BeforeAll
    static void fixtures() throws Exception {
        Api.useGateway();
        expiringToken();
        step("admin.dif imports the agency directory", ADMIN, "POST", "/agencies/import", AGENCIES, 200, null, null);
        step("admin.dif imports the plan " + UNIT + "/" + YEAR, ADMIN, "POST", "/work-plans/import", PLAN, 0, "plan", "id");
        String activity = UUID.randomUUID().toString();
        if (step("operador.durango reports an activity", OPERATOR, "POST", "/activities",
                "[{\"id\":\"" + activity + "\",\"indicator\":\"AM-01-01\",\"orgUnit\":\"" + UNIT + "\",\"date\":\"" + YEAR
                        + "-02-01\",\"quantity\":2}]", 202, null, null)) {
            fixture.put("activity", activity);
        }
        person("beneficiary");
        openCase("case", "beneficiary");
        step("trabajadora.durango records the beneficiary's consent", CASE_WORKER, "POST", "/cases/{case}/consents",
                "{\"givenBy\":\"BENEFICIARY\"}", 201, "consent", "id");
        step("trabajadora.durango refers the case to SALUD-DGO", CASE_WORKER, "POST", "/cases/{case}/referrals",
                "{\"agencyId\":\"SALUD-DGO\",\"request\":\"Valoración (prueba de accesos)\",\"consentId\":\"{consent}\"}", 201, "referral", "id");
        step("director.durango issues its letter", DIRECTOR, "POST", "/referrals/{referral}/letter", null, 200, null, null);
        step("trabajadora.durango refers the case to SEED-DGO", CASE_WORKER, "POST", "/cases/{case}/referrals",
                "{\"agencyId\":\"SEED-DGO\",\"request\":\"Beca (prueba de accesos)\",\"consentId\":\"{consent}\"}", 201, "referralToRevoke", "id");
        // a case without consent: its referral waits for the director's approval
        person("beneficiary2");
        openCase("case2", "beneficiary2");
        step("trabajadora.durango refers without consent (override)", CASE_WORKER, "POST", "/cases/{case2}/referrals",
                "{\"agencyId\":\"SEED-DGO\",\"request\":\"Beca (prueba de accesos)\",\"consentOverrideReason\":\"Riesgo inminente (prueba)\"}",
                201, "approval", "approvalId");
        step("agencia-salud subscribes a webhook", SALUD, "POST", "/webhooks", WEBHOOK, 201, "webhook", "id");
        if (!fixtureProblems.isEmpty()) {
            System.out.println("[AccessMatrixIT] fixtures that could not be made:\n  " + String.join("\n  ", fixtureProblems));
        }
    }

    private static void person(String name) {
        step("trabajadora.durango registers a person (" + name + ")", CASE_WORKER, "POST", "/beneficiaries",
                "{\"orgUnit\":\"" + UNIT + "\",\"firstName\":\"Acceso\",\"lastName\":\"Matriz " + letters() + "\",\"municipality\":\""
                        + UNIT + "\",\"confirmNotDuplicate\":true}", 201, name, "id");
    }

    private static void openCase(String name, String beneficiary) {
        step("trabajadora.durango opens a case (" + name + ")", CASE_WORKER, "POST", "/cases",
                "{\"orgUnit\":\"" + UNIT + "\",\"beneficiaryId\":\"{" + beneficiary + "}\",\"origin\":\"WALK_IN\",\"category\":\"HEALTH\","
                        + "\"request\":\"Valoración (prueba de accesos)\"}", 201, name, "id");
        step("trabajadora.durango reviews it", CASE_WORKER, "POST", "/cases/{" + name + "}/transitions", "{\"to\":\"UNDER_REVIEW\"}",
                200, null, null);
    }

    /** One fixture call; {@code status} 0 accepts 200 and 201. Keeps {@code field} of the answer as {@code {key}}. */
    private static boolean step(String what, String who, String method, String path, String body, int status, String key, String field) {
        try {
            Response r = send(who, method, resolve(path), body == null ? null : resolve(body));
            boolean ok = status == 0 ? r.statusCode() == 200 || r.statusCode() == 201 : r.statusCode() == status;
            if (!ok) {
                fixtureProblems.add(what + ": " + method + " " + path + " → " + r.statusCode() + " " + abbreviate(r.asString()));
                return false;
            }
            if (key != null) {
                String value = r.jsonPath().getString(field);
                if (value == null) {
                    fixtureProblems.add(what + ": the answer has no '" + field + "': " + abbreviate(r.asString()));
                    return false;
                }
                fixture.put(key, value);
            }
            return true;
        } catch (MissingFixture e) {
            fixtureProblems.add(what + ": " + e.getMessage());
            return false;
        }
    }

    @Test
    void theFixturesAreMadeByTheRolesThatMayMakeThem() {
        assertTrue(fixtureProblems.isEmpty(), "fixtures that could not be made:\n  " + String.join("\n  ", fixtureProblems));
    }

    @TestFactory
    Stream<DynamicTest> everyRoleCanDoWhatItMustAndNothingElse() {
        return matrix().stream().map(row -> dynamicTest(row.toString(), () -> check(row)));
    }

    private static void check(Row row) {
        String path;
        String body;
        try {
            path = resolve(row.path());
            body = row.body() == null ? null : resolve(row.body());
        } catch (MissingFixture e) {
            fail("sin fixture: " + e.getMessage() + " (see theFixturesAreMadeByTheRolesThatMayMakeThem)");
            return;
        }
        Response r = send(row.who(), row.method(), path, body);
        int s = r.statusCode();
        String seen = row.who() + " " + row.method() + " " + path + " → " + s + " " + abbreviate(r.asString());
        switch (row.expect()) {
            case ALLOWED -> {
                assertTrue(s != 401 && s != 403 && s < 500, "expected access, got: " + seen);
                assertBody(row, r, seen);
            }
            case FORBIDDEN_OR_FILTERED -> {
                assertTrue(s == 403 || s == 200, "expected 403 or a filtered list, got: " + seen);
                if (s == 200) {
                    assertBody(row, r, seen);
                }
            }
            case UNAUTHENTICATED -> assertEquals(401, s, seen);
            case FORBIDDEN -> {
                assertEquals(403, s, seen);
                r.then().contentType("application/problem+json");
            }
            case UNPROCESSABLE -> {
                assertEquals(422, s, seen);
                r.then().contentType("application/problem+json");
            }
        }
    }

    private static void assertBody(Row row, Response r, String seen) {
        if (row.bodyCheck() == null) {
            return;
        }
        try {
            assertTrue(row.bodyCheck().test(r.asString()), "expected " + row.bodyRule() + ", got: " + seen);
        } catch (MissingFixture e) {
            fail("sin fixture: " + e.getMessage() + " (see theFixturesAreMadeByTheRolesThatMayMakeThem)");
        }
    }

    // ------------------------------------------------------------------ tokens the platform must refuse

    /** Where a bad token is tried: the gateway and each service on its own port (as reachable without the gateway). */
    static Map<String, String> targets() {
        Stack stack = PlatformStack.get();
        String procedure = "/api/v1/indicators/procedure?orgUnit=" + UNIT + "&period=" + YEAR;
        Map<String, String> t = new LinkedHashMap<>();
        t.put("gateway", stack.gatewayUrl() + procedure);
        t.put("programs-service", "http://127.0.0.1:" + stack.port("PROGRAMS", 8081) + "/api/v1/org-units/" + UNIT);
        t.put("cases-service", "http://127.0.0.1:" + stack.port("CASES", 8082) + "/api/v1/agencies");
        t.put("indicators-service", "http://127.0.0.1:" + stack.port("INDICATORS", 8083) + procedure);
        return t;
    }

    static Map<String, String> badTokens() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("sin token", null);
        bad.put("vencido (cliente de 5 s)", expiringToken);
        bad.put("de otro emisor (realm master de Keycloak)", new TokenClient(PlatformStack.get().keycloakUrl() + "/realms/master")
                .password("admin-cli", "admin", PlatformStack.get().keycloakAdminPassword()));
        bad.put("alterado (org_unit cambiado, misma firma)", tampered(Tokens.of(OPERATOR_GOMEZ)));
        bad.put("firmado con otra llave (mismo emisor y kid)", signedByAnotherKey(Tokens.of(OPERATOR)));
        bad.put("no es un JWT", "no-es-un-jwt");
        return bad;
    }

    @TestFactory
    Stream<DynamicTest> badTokensAreRefusedByTheGatewayAndByEveryService() throws Exception {
        waitUntilExpired();
        Map<String, String> bad = badTokens();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> target : targets().entrySet()) {
            // the control: a valid token gets past authentication there
            tests.add(dynamicTest(target.getKey() + ": un token válido pasa la autenticación", () -> {
                int s = given().auth().oauth2(Tokens.of(OPERATOR)).get(target.getValue()).statusCode();
                assertNotEquals(401, s, target.getValue());
            }));
            for (Map.Entry<String, String> token : bad.entrySet()) {
                tests.add(dynamicTest(target.getKey() + ": token " + token.getKey() + " → 401", () -> {
                    if (token.getKey().startsWith("vencido") && token.getValue() == null) {
                        fail("no expiring token could be had: " + fixtureProblems);
                    }
                    RequestSpecification spec = given();
                    if (token.getValue() != null) {
                        spec = spec.header("Authorization", "Bearer " + token.getValue());
                    }
                    spec.get(target.getValue()).then().statusCode(401)
                            .contentType("application/problem+json")
                            .header("WWW-Authenticate", containsString("Bearer"));
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theExpiringTokenWorkedWhileItWasFresh() {
        assertNotEquals(401, expiringTokenWhenFresh, "a token of dif-e2e-vencimiento was refused while fresh");
    }

    /** A client whose tokens live 5 s, so a really expired token (Keycloak's own signature) can be had in seconds. */
    private static void expiringToken() {
        try {
            Tokens.admin().ensurePublicClient("dif-e2e-vencimiento", 5);
            expiringToken = Tokens.client().password("dif-e2e-vencimiento", OPERATOR, "demo-dif-2021");
            expiringTokenWhenFresh = given().auth().oauth2(expiringToken).get(PlatformStack.get().gatewayUrl()
                    + "/api/v1/indicators/procedure?orgUnit=" + UNIT + "&period=" + YEAR).statusCode();
        } catch (RuntimeException e) {
            fixtureProblems.add("a token of a 5-second client (dif-e2e-vencimiento): " + e.getMessage());
            expiringTokenWhenFresh = 401;
        }
    }

    private static void waitUntilExpired() throws InterruptedException {
        if (expiringToken == null) {
            return;
        }
        long exp = TokenClient.claims(expiringToken).path("exp").asLong();
        long wait = (exp + 2) * 1000 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    /** The same token with its payload changed (org_unit 10005): the signature no longer matches. */
    static String tampered(String token) {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) TokenClient.claims(token);
        claims.put("org_unit", UNIT);
        return parts[0] + "." + b64(claims.toString()) + "." + parts[2];
    }

    /** The token's header (kid included) and claims, signed with a key of our own: right issuer, wrong signature. */
    static String signedByAnotherKey(String token) throws Exception {
        String[] parts = token.split("\\.");
        String input = parts[0] + "." + parts[1];
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(gen.generateKeyPair().getPrivate());
        rs256.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    // ------------------------------------------------------------------ helpers

    private static Response send(String who, String method, String path, String body) {
        RequestSpecification spec = Tokens.as(who);
        if (body != null) {
            spec = spec.contentType("application/json").body(body);
        } else if (!"GET".equals(method)) {
            spec = spec.contentType("application/json"); // the services consume JSON even when nothing is sent
        }
        return spec.request(method, "/api/v1" + path);
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

    static final class MissingFixture extends RuntimeException {
        MissingFixture(String message) {
            super(message);
        }
    }

    static String fixtureOf(String key) {
        String value = fixture.get(key);
        if (value == null) {
            throw new MissingFixture("{" + key + "} was not created");
        }
        return value;
    }

    private static String resolve(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = "new".equals(key) ? UUID.randomUUID().toString() : fixtureOf(key);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String letters() {
        StringBuilder b = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            b.append((char) ('a' + Character.digit(c, 16)));
        }
        return b.toString();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
