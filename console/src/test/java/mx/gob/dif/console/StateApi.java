package mx.gob.dif.console;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link FakeApi}'s state reads, as the analyst's pages see them (API.md shapes, written out as JSON): the state 10 in
 * 2021 with two programs (P-01, P-02) and four municipalities; the closing report also as CSV or XLSX by the Accept
 * header; any other year has no plan (404, the API's words).
 */
public final class StateApi {
    /** The closing report's XLSX bytes as this API writes them (a ZIP's signature and a marker). */
    public static final byte[] XLSX = "PK\u0003\u0004cierre-xlsx".getBytes(StandardCharsets.ISO_8859_1);
    public static final String CSV = "programa,indicador,valor\nP-01,P-01-01,90\n";
    private static final Pattern BREAKDOWN = Pattern.compile("/api/v1/indicators/([^/]+)/breakdown");
    private static final Pattern INDICATOR = Pattern.compile("/api/v1/indicators/([^/]+)");
    private static final Pattern PROGRESS = Pattern.compile("/api/v1/programs/(P-0[12])/progress");
    private static final String VALUE = """
            {"indicator":"%s","orgUnit":"10","period":"%s","method":"SUM","unit":"Visita","target":%s,"value":%s,
             "percent":%s,"expected":%s,"status":%s,"asOf":"2021-12-31T00:00:00Z","programCode":"%s","programName":"%s",
             "actionCode":"%s","actionDescription":"Acción de %s","planOrgUnit":"10"%s}""";

    private StateApi() {
    }

    static boolean answers(String path) {
        return path.equals("/api/v1/reports/closing") || path.equals("/api/v1/reporting/completeness")
                || PROGRESS.matcher(path).matches() || path.startsWith("/api/v1/indicators/");
    }

    static void answer(HttpExchange ex, String path, String query) throws IOException {
        String period = param(query, "period");
        Matcher m;
        if (path.equals("/api/v1/reports/closing")) {
            closing(ex, param(query, "orgUnit"), param(query, "fiscalYear"));
        } else if (path.equals("/api/v1/reporting/completeness")) {
            FakeApi.send(ex, 200, "application/json", completeness(period));
        } else if ((m = PROGRESS.matcher(path)).matches()) {
            FakeApi.send(ex, 200, "application/json", progress(m.group(1), period));
        } else if ((m = BREAKDOWN.matcher(path)).matches()) {
            FakeApi.send(ex, 200, "application/json", breakdown(m.group(1), period));
        } else if ((m = INDICATOR.matcher(path)).matches()) {
            FakeApi.send(ex, 200, "application/json", value(m.group(1), period, "120", "17", "14.17", "RED",
                    "[{\"month\":1,\"value\":10,\"reports\":2},{\"month\":3,\"value\":7,\"reports\":1}]"));
        } else {
            FakeApi.send(ex, 404, "application/problem+json", "{\"title\":\"No encontrado\",\"status\":404}");
        }
    }

    private static void closing(HttpExchange ex, String orgUnit, String year) throws IOException {
        String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
        if (!"2021".equals(year)) {
            FakeApi.send(ex, 404, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"No encontrado\",\"status\":404,"
                    + "\"detail\":\"No hay plan " + year + " que aplique a la unidad " + orgUnit + ".\"}");
        } else if (accept.contains("csv")) {
            ex.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"cierre-" + orgUnit + "-" + year + ".csv\"");
            FakeApi.send(ex, 200, "text/csv", CSV);
        } else if (accept.contains("spreadsheetml")) {
            ex.getResponseHeaders().add("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            ex.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"cierre-" + orgUnit + "-" + year + ".xlsx\"");
            ex.sendResponseHeaders(200, XLSX.length);
            ex.getResponseBody().write(XLSX);
            ex.close();
        } else {
            String rows = String.join(",", value("P-01-01", "2021", "100", "95", "95", "GREEN", null),
                    value("P-01-02", "2021", "50", "20", "40", "RED", null), value("P-02-01", "2021", "10", "8", "80", "YELLOW", null));
            FakeApi.send(ex, 200, "application/json", """
                    {"orgUnit":"%s","orgUnitName":"DIF Estatal Durango","fiscalYear":%s,"asOf":"2021-12-31T00:00:00Z",
                     "programs":[{"program":"P-01","programName":"Programa P-01","indicators":2,"globalIndicator":67.5},
                                 {"program":"P-02","programName":"Programa P-02","indicators":1,"globalIndicator":80}],
                     "rows":[%s],"units":[]}""".formatted(orgUnit, year, rows));
        }
    }

    private static String progress(String code, String period) {
        String rows = code.equals("P-01")
                ? value("P-01-01", period, "100", "30", "30", "YELLOW", null) + "," + value("P-01-02", period, "50", "5", "10", "YELLOW", null)
                : value("P-02-01", period, "10", "3", "30", "GREEN", null);
        return """
                {"program":"%s","programName":"Programa %s","orgUnit":"10","period":"%s","globalIndicator":%s,"indicators":[%s],
                 "outcomeGoals":[],"asOf":"2021-04-01T00:00:00Z"}""".formatted(code, code, period, code.equals("P-01") ? "20" : "30", rows);
    }

    private static String breakdown(String code, String period) {
        return """
                {"indicator":"%s","orgUnit":"10","period":"%s","method":"SUM","total":%s,"rows":[
                 {"orgUnit":"10005","name":"Durango","target":60,"value":30,"percent":50,"expected":45,"status":"GREEN","reported":true},
                 {"orgUnit":"10007","name":"Gómez Palacio","target":30,"value":5,"percent":16.67,"expected":22.5,"status":"RED","reported":true},
                 {"orgUnit":"10012","name":"Lerdo","target":10,"value":0,"percent":0,"expected":7.5,"status":"RED","reported":false},
                 {"orgUnit":"10039","name":"Vicente Guerrero","target":null,"value":0,"percent":null,"expected":null,"status":null,"reported":false}]}"""
                .formatted(code, period, value(code, period, "100", "35", "35", "YELLOW", null));
    }

    private static String completeness(String period) {
        return """
                {"orgUnit":"10","period":"%s","deadline":"2021-04-10","due":6,"reported":3,"missing":3,"onTime":3,"rate":50,"units":[
                 {"orgUnit":"10005","name":"Durango","due":2,"reported":2,"missing":0,"onTime":2,"rate":100,"submission":"ACCEPTED"},
                 {"orgUnit":"10007","name":"Gómez Palacio","due":2,"reported":1,"missing":1,"onTime":1,"rate":50,"submission":"SUBMITTED"},
                 {"orgUnit":"10012","name":"Lerdo","due":2,"reported":0,"missing":2,"onTime":0,"rate":0,"submission":"NONE"},
                 {"orgUnit":"10039","name":"Vicente Guerrero","due":0,"reported":0,"missing":0,"onTime":0,"rate":null,"submission":"NONE"}]}"""
                .formatted(period);
    }

    private static String value(String code, String period, String target, String value, String percent, String status, String months) {
        String program = code.substring(0, 4);
        return VALUE.formatted(code, period, target, value, percent, target, status == null ? "null" : "\"" + status + "\"",
                program, "Programa " + program, code, code, months == null ? "" : ",\"months\":" + months);
    }

    private static String param(String query, String name) {
        for (String p : query.split("&")) {
            if (p.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
