package mx.gob.dif.gateway.routing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service owns a public path. Rules are tried in order, so the more specific ones (a
 * program's progress belongs to indicators, the program itself to programs) come first.
 */
public final class RouteTable {

    public record Rule(Pattern path, String service) {
    }

    /** The web console's upstream: it answers every path the gateway does not answer itself nor routes to the API. */
    public static final String CONSOLE = "console";
    /** What is not the console's: the API, Quarkus' /q (health, Swagger UI, metrics) and the merged OpenAPI document. */
    private static final Pattern NOT_CONSOLE = Pattern.compile("/api(/.*)?|/q(/.*)?|/openapi");

    private final List<Rule> rules;

    public RouteTable(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The platform's routing: the single place that says who answers what. */
    public static RouteTable platform() {
        return new RouteTable(List.of(
                rule("/api/v1/programs/[^/]+/progress(/breakdown)?", "indicators"),
                rule("/api/v1/reporting/completeness", "indicators"),
                rule("/api/v1/indicators(/.*)?", "indicators"),
                rule("/api/v1/reports/closing(/.*)?", "indicators"),
                rule("/api/v1/outcome-goals(/.*)?", "indicators"),
                rule("/api/v1/admin/rebuild(/.*)?", "indicators"),
                rule("/api/v1/admin/dead-letters(/.*)?", "indicators"),
                rule("/api/v1/work-plans(/.*)?", "programs"),
                rule("/api/v1/programs(/.*)?", "programs"),
                rule("/api/v1/actions(/.*)?", "programs"),
                rule("/api/v1/targets(/.*)?", "programs"),
                rule("/api/v1/org-units(/.*)?", "programs"),
                rule("/api/v1/activities(/.*)?", "programs"),
                rule("/api/v1/reporting(/.*)?", "programs"),
                rule("/api/v1/beneficiaries(/.*)?", "cases"),
                rule("/api/v1/cases(/.*)?", "cases"),
                rule("/api/v1/referrals(/.*)?", "cases"),
                rule("/api/v1/agencies(/.*)?", "cases"),
                rule("/api/v1/approvals(/.*)?", "cases"),
                rule("/api/v1/follow-up-requests(/.*)?", "cases"),
                rule("/api/v1/tasks(/.*)?", "cases"),
                rule("/api/v1/audit(/.*)?", "cases"),
                rule("/api/v1/webhooks(/.*)?", "cases"),
                rule("/api/v1/reports/monthly(/.*)?", "cases")));
    }

    public Optional<String> serviceFor(String path) {
        return rules.stream().filter(r -> r.path().matcher(path).matches()).map(Rule::service).findFirst();
    }

    /** Whether a request path is a page of the web console (anything outside /api, /q and /openapi). */
    public static boolean isConsolePath(String path) {
        return !NOT_CONSOLE.matcher(path).matches();
    }

    private static Rule rule(String regex, String service) {
        return new Rule(Pattern.compile(regex), service);
    }
}
