package mx.gob.dif.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import mx.gob.dif.e2e.HostileCorpus.Store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static mx.gob.dif.e2e.Tokens.ADMIN;
import static mx.gob.dif.e2e.Tokens.ANALYST;
import static mx.gob.dif.e2e.Tokens.CASE_WORKER;
import static mx.gob.dif.e2e.Tokens.DIRECTOR;
import static mx.gob.dif.e2e.Tokens.OPERATOR;
import static mx.gob.dif.e2e.Tokens.SALUD;

/**
 * What the corpus needs to exist, made once by the roles that may make it (a plan of {@value #UNIT} for
 * fiscal year {@value #YEAR}, which no other test uses; an activity; two people, a case with consent,
 * referral, approval request and follow-up petition; a webhook), and what each family stores, read
 * back through the API ({@link #snapshot}).
 */
final class HostileFixtures {
    static final int YEAR = 2017;
    static final String UNIT = "10005";

    private static final Map<String, String> fixture = new LinkedHashMap<>();
    static final List<String> problems = new ArrayList<>();
    private static byte[] truncatedSpreadsheet;

    private HostileFixtures() {
    }

    static final String PLAN = "{\"orgUnit\":\"" + UNIT + "\",\"fiscalYear\":" + YEAR + ",\"unit\":\"SMDIF Durango (corpus hostil)\","
            + "\"programs\":[{\"code\":\"HC-01\",\"name\":\"Programa del corpus\",\"calendarMonths\":[\"ENE\",\"FEB\",\"MAR\",\"ABR\","
            + "\"MAY\",\"JUN\",\"JUL\",\"AGO\",\"SEP\",\"OCT\",\"NOV\",\"DIC\"],\"actions\":[{\"code\":\"HC-01-01\",\"description\":\"Visitas\","
            + "\"targets\":[{\"indicatorCode\":\"HC-01-01\",\"unit\":\"Visita\",\"target\":100}]}]}]}";

    static void create() {
        step(ADMIN, "POST", "/agencies/import", AccessMatrixIT.AGENCIES, null, null);
        step(ADMIN, "POST", "/work-plans/import", PLAN, "plan", "id");
        String activity = UUID.randomUUID().toString();
        if (step(OPERATOR, "POST", "/activities", "[" + Api.report(activity, "HC-01-01", UNIT, YEAR + "-02-01", "2") + "]", null, null)) {
            fixture.put("activity", activity);
        }
        person("beneficiary");
        person("beneficiary2");
        step(CASE_WORKER, "POST", "/cases", "{\"orgUnit\":\"" + UNIT + "\",\"beneficiaryId\":\"{beneficiary}\",\"origin\":\"WALK_IN\","
                + "\"category\":\"HEALTH\",\"request\":\"Valoración (corpus hostil)\"}", "case", "id");
        step(CASE_WORKER, "POST", "/cases/{case}/transitions", "{\"to\":\"UNDER_REVIEW\"}", null, null);
        step(CASE_WORKER, "POST", "/cases/{case}/consents", "{\"givenBy\":\"BENEFICIARY\"}", "consent", "id");
        step(CASE_WORKER, "POST", "/cases/{case}/referrals", "{\"agencyId\":\"SALUD-DGO\",\"request\":\"Valoración (corpus)\","
                + "\"consentId\":\"{consent}\"}", "referral", "id");
        step(DIRECTOR, "POST", "/referrals/{referral}/letter", null, null, null);
        // a case without consent: its referral waits for the director's approval
        step(CASE_WORKER, "POST", "/cases", "{\"orgUnit\":\"" + UNIT + "\",\"beneficiaryId\":\"{beneficiary2}\",\"origin\":\"WALK_IN\","
                + "\"category\":\"HEALTH\",\"request\":\"Beca (corpus hostil)\"}", "case2", "id");
        step(CASE_WORKER, "POST", "/cases/{case2}/transitions", "{\"to\":\"UNDER_REVIEW\"}", null, null);
        step(CASE_WORKER, "POST", "/cases/{case2}/referrals", "{\"agencyId\":\"SEED-DGO\",\"request\":\"Beca (corpus)\","
                + "\"consentOverrideReason\":\"Riesgo inminente (corpus)\"}", "approval", "approvalId");
        step(CASE_WORKER, "POST", "/cases/{case}/follow-up-requests", "{\"office\":\"Juzgado (corpus)\",\"dueInDays\":10}", "followUp", "id");
        step(SALUD, "POST", "/webhooks", "{\"url\":\"http://127.0.0.1:9/dif\",\"events\":[\"indicator.updated\"],\"orgUnits\":[\"" + UNIT
                + "\"],\"agency\":\"SALUD-DGO\"}", "webhook", "id");
        if (fixture.containsKey("plan")) {
            Response r = Tokens.as(ADMIN).accept(HostileFamilies.XLSX).get("/api/v1/work-plans/" + fixture.get("plan"));
            if (r.statusCode() == 200) {
                byte[] whole = r.asByteArray();
                truncatedSpreadsheet = Arrays.copyOf(whole, whole.length / 2);
            } else {
                problems.add("the plan as XLSX: " + r.statusCode());
            }
        }
    }

    private static void person(String name) {
        step(CASE_WORKER, "POST", "/beneficiaries", "{\"orgUnit\":\"" + UNIT + "\",\"firstName\":\"Corpus\",\"lastName\":\"Hostil "
                + UUID.randomUUID().toString().replaceAll("[^a-f]", "") + "\",\"municipality\":\"" + UNIT + "\",\"confirmNotDuplicate\":true}",
                name, "id");
    }

    static byte[] truncatedSpreadsheet() {
        if (truncatedSpreadsheet == null) {
            throw new IllegalStateException("no spreadsheet of the corpus plan could be had: " + problems);
        }
        return truncatedSpreadsheet;
    }

    private static boolean step(String who, String method, String path, String body, String key, String field) {
        try {
            var spec = Tokens.as(who).contentType("application/json");
            if (body != null) {
                spec = spec.body(resolve(body));
            }
            Response r = spec.request(method, "/api/v1" + resolve(path));
            if (r.statusCode() >= 300) {
                problems.add(who + " " + method + " " + path + " → " + r.statusCode() + " " + r.asString());
                return false;
            }
            if (key != null) {
                String value = r.jsonPath().getString(field);
                if (value == null) {
                    problems.add(who + " " + method + " " + path + ": the answer has no '" + field + "'");
                    return false;
                }
                fixture.put(key, value);
            }
            return true;
        } catch (IllegalStateException e) {
            problems.add(who + " " + method + " " + path + ": " + e.getMessage());
            return false;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

    /** {@code text} with each {name} replaced by its fixture ({new}: a fresh UUID). */
    static String resolve(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = "new".equals(key) ? UUID.randomUUID().toString() : fixture.get(key);
            if (value == null) {
                throw new IllegalStateException("the fixture {" + key + "} was not created: " + problems);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** What {@code store} holds now, as read through the API: counts and the fixtures' own state. */
    static String snapshot(Store store) {
        return switch (store) {
            case PLANS -> "plans=" + total(ADMIN, "/work-plans?orgUnit=" + UNIT) + " programs=" + total(ADMIN, "/programs" + HostileFamilies.Q_PLAN)
                    + " targets=" + total(ADMIN, "/targets" + HostileFamilies.Q_PLAN) + " revisions=" + body(ADMIN, "/work-plans/{plan}/revisions").length();
            case ORG_UNITS -> "units=" + body(ADMIN, "/org-units").length();
            case ACTIVITIES -> "activities=" + total(OPERATOR, "/activities?orgUnit=" + UNIT) + " fixture="
                    + JsonPath.from(body(OPERATOR, "/activities/{activity}")).getString("status");
            case INDICATOR -> "value=" + JsonPath.from(body(ANALYST, "/indicators/HC-01-01" + HostileFamilies.Q_PERIOD)).getString("value");
            case BENEFICIARIES -> "people=" + total(CASE_WORKER, "/beneficiaries?orgUnit=" + UNIT) + " fixture="
                    + body(CASE_WORKER, "/beneficiaries/{beneficiary}") + body(CASE_WORKER, "/beneficiaries/{beneficiary2}");
            case CASES -> "cases=" + total(CASE_WORKER, "/cases?orgUnit=" + UNIT) + " fixture=" + body(CASE_WORKER, "/cases/{case}");
            case REFERRALS -> "referrals=" + total(CASE_WORKER, "/referrals?orgUnit=" + UNIT) + " history="
                    + body(CASE_WORKER, "/referrals/{referral}/history");
            case AGENCIES -> "agencies=" + total(ADMIN, "/agencies?size=500");
            case APPROVALS -> "approval=" + body(DIRECTOR, "/approvals/{approval}");
            case FOLLOW_UPS -> "followUps=" + total(CASE_WORKER, "/follow-up-requests?orgUnit=" + UNIT) + " fixture="
                    + body(CASE_WORKER, "/follow-up-requests/{followUp}");
            case WEBHOOKS -> "webhooks=" + total(ADMIN, "/webhooks");
            case MONTHLY -> "monthly=" + body(CASE_WORKER, "/reports/monthly?orgUnit=" + UNIT + "&month=" + YEAR + "-03");
            case DEAD_LETTERS -> "deadLetters=" + total(ADMIN, "/admin/dead-letters");
        };
    }

    private static String body(String who, String path) {
        Response r = Tokens.as(who).get("/api/v1" + resolve(path));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("counting " + path + " as " + who + " → " + r.statusCode() + " " + r.asString());
        }
        return r.asString();
    }

    private static long total(String who, String path) {
        return JsonPath.from(body(who, path)).getLong("total");
    }
}
