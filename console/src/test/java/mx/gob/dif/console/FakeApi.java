package mx.gob.dif.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny HTTP server standing in for the gateway's public API, with the 10005 plan of 2021 (two programs, three
 * targets). It keeps what it was sent ({@code GET /__received}: one line per request with its Authorization header
 * and body) and behaves like the API where the console depends on it: a report id it already has is
 * {@code alreadyKnown}; a negative quantity refuses the whole batch with a 422 naming the report's index; a second
 * submission of a month is a 409; a request whose token names the user {@value #EXPIRED} gets a 401. The state's
 * reads (unit 10, 2021: the analyst's pages) are {@link StateApi}'s. The real API behind the
 * real gateway is exercised by the browser tests (e2e-tests).
 */
public class FakeApi implements QuarkusTestResourceLifecycleManager {
    /** The user name of a token this API refuses as if it had expired. */
    public static final String EXPIRED = "token.vencido";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Set<String> knownIds = ConcurrentHashMap.newKeySet();
    private final Set<String> submitted = ConcurrentHashMap.newKeySet();
    private HttpServer server;
    private mx.gob.dif.console.cases.FakeGateway cases;
    private String casesUrl;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/__received", ex -> send(ex, 200, "text/plain", String.join("\n", received)));
        server.createContext("/api/v1", this::api);
        server.start();
        cases = new mx.gob.dif.console.cases.FakeGateway();
        casesUrl = cases.start().get("console.api-url");
        return Map.of("console.api-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
        cases.stop();
    }

    /**
     * What this stand-in does not answer (cases, tasks, approvals, report files, the plan import) is
     * {@link mx.gob.dif.console.cases.FakeGateway}'s: one address for the console, as the real gateway is.
     */
    private void passOn(HttpExchange ex, byte[] body) throws IOException {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(casesUrl + ex.getRequestURI()))
                .method(ex.getRequestMethod(), java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : new String[]{"Authorization", "Content-Type", "Accept"}) {
            String value = ex.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            java.net.http.HttpResponse<byte[]> answer = java.net.http.HttpClient.newHttpClient()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Content-Type").ifPresent(type -> ex.getResponseHeaders().add("Content-Type", type));
            answer.headers().firstValue("Content-Disposition").ifPresent(d -> ex.getResponseHeaders().add("Content-Disposition", d));
            ex.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                ex.getResponseBody().write(answer.body());
            }
            ex.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void api(HttpExchange ex) throws IOException {
        byte[] bytes = ex.getRequestBody().readAllBytes();
        String body = new String(bytes, StandardCharsets.UTF_8);
        String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
        String path = ex.getRequestURI().getPath();
        String query = String.valueOf(ex.getRequestURI().getQuery());
        received.add(ex.getRequestMethod() + " " + path + "?" + query + " auth=" + auth + " body=" + body
                + " accept=" + ex.getRequestHeaders().getFirst("Accept"));
        if (payload(auth).contains("\"" + EXPIRED + "\"")) {
            problem(ex, 401, "No autenticado", "El token de acceso venció.", "");
            return;
        }
        String method = ex.getRequestMethod();
        if (method.equals("GET") && path.equals("/api/v1/work-plans")) {
            send(ex, 200, "application/json", query.contains("orgUnit=10005")
                    ? page("{\"id\":\"6f1c7f1e-1111-4a4a-9999-000000000001\",\"orgUnit\":\"10005\",\"fiscalYear\":2021,"
                    + "\"status\":\"APPROVED\",\"unitName\":\"SMDIF Durango\",\"programs\":2,\"targets\":3}") : page(""));
        } else if (method.equals("GET") && path.equals("/api/v1/programs")) {
            send(ex, 200, "application/json", query.contains("fiscalYear=2021") ? page(
                    "{\"code\":\"DIF-01\",\"name\":\"Juntos por la Niñez\"},{\"code\":\"DIF-02\",\"name\":\"Alimentación\"}") : page(""));
        } else if (method.equals("GET") && path.equals("/api/v1/programs/DIF-01/progress")) {
            send(ex, 200, "application/json", progress("DIF-01", "Juntos por la Niñez", query,
                    indicator("DIF-01-01", "Sesión", "10", "3", "2.5", "GREEN", "Atención integral a familias"),
                    indicator("DIF-01-02", "Entrega bimestral", "6", "0", "1", "RED", "Entregas del estímulo")));
        } else if (method.equals("GET") && path.equals("/api/v1/programs/DIF-02/progress")) {
            send(ex, 200, "application/json", progress("DIF-02", "Alimentación", query,
                    indicator("DIF-02-01", "Desayuno", "1200", "90", "100", "YELLOW", "Desayunos escolares")));
        } else if (method.equals("GET") && StateApi.answers(path)) {
            StateApi.answer(ex, path, query);
        } else if (method.equals("POST") && path.equals("/api/v1/activities")
                && String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json")) {
            activities(ex, body);
        } else if (path.matches("/api/v1/reporting/10005/\\d{4}-\\d{2}/submission")) {
            String month = path.split("/")[5];
            if (method.equals("POST") && !submitted.add(month)) {
                problem(ex, 409, "Conflicto", "El mes " + month + " ya fue enviado y está en revisión.", "");
                return;
            }
            send(ex, 200, "application/json", "{\"orgUnit\":\"10005\",\"month\":\"" + month + "\",\"status\":\""
                    + (submitted.contains(month) ? "SUBMITTED" : "OPEN") + "\",\"locked\":false}");
        } else {
            passOn(ex, bytes);
        }
    }

    private void activities(HttpExchange ex, String body) throws IOException {
        int negative = body.indexOf("\"quantity\":-");
        if (negative >= 0) {
            int index = body.substring(0, negative).split("\"indicator\"").length - 2;
            problem(ex, 422, "Reportes inválidos", "1 de los reportes no es válido; no se guardó ninguno.",
                    ",\"errors\":[{\"index\":" + index + ",\"field\":\"quantity\",\"message\":\"La cantidad no puede ser negativa.\"}]");
            return;
        }
        int accepted = 0;
        int known = 0;
        Matcher ids = ID.matcher(body);
        while (ids.find()) {
            if (knownIds.add(ids.group(1))) {
                accepted++;
            } else {
                known++;
            }
        }
        send(ex, 202, "application/json", "{\"accepted\":" + accepted + ",\"alreadyKnown\":" + known + ",\"ids\":[]}");
    }

    private static String payload(String authorization) {
        String[] parts = authorization.split("\\.");
        return parts.length < 2 ? "" : new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    private static String page(String items) {
        return "{\"items\":[" + items + "],\"page\":0,\"size\":500,\"total\":" + (items.isEmpty() ? 0 : 1) + "}";
    }

    private static String progress(String code, String name, String query, String... indicators) {
        return "{\"program\":\"" + code + "\",\"programName\":\"" + name + "\",\"orgUnit\":\"10005\",\"period\":\""
                + query.replaceAll(".*period=([^&]*).*", "$1") + "\",\"globalIndicator\":41.5,\"indicators\":["
                + String.join(",", indicators) + "]}";
    }

    private static String indicator(String code, String unit, String target, String value, String expected, String status,
                                    String description) {
        return "{\"indicator\":\"" + code + "\",\"method\":\"SUM\",\"unit\":\"" + unit + "\",\"target\":" + target
                + ",\"value\":" + value + ",\"percent\":30,\"expected\":" + expected + ",\"status\":\"" + status
                + "\",\"actionCode\":\"" + code + "\",\"actionDescription\":\"" + description + "\"}";
    }

    private static void problem(HttpExchange ex, int status, String title, String detail, String more) throws IOException {
        send(ex, status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"" + more + "}");
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }
}
