package mx.gob.dif.console.cases;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the gateway with canned answers of the public API (cases, activity files, plan import), so the
 * console's pages are tested alone; every request is recorded (method, path and query, Authorization, body) for the
 * tests to check what the console sent. The people in it are fictitious.
 */
public class FakeGateway implements QuarkusTestResourceLifecycleManager {
    static final String CASE = "7b3a3c1e-1f7a-4c44-9a0b-2f7a1c3e5d01";
    static final String REFERRAL = "0c9d2f8e-3b1a-4d5e-8f7a-6b5c4d3e2f10";
    static final String APPROVAL = "5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c";
    static final List<Recorded> REQUESTS = new CopyOnWriteArrayList<>();

    record Recorded(String method, String uri, String authorization, String contentType, byte[] body) {
    }

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
        return Map.of("console.api-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        String uri = x.getRequestURI().toString();
        String path = x.getRequestURI().getPath();
        REQUESTS.add(new Recorded(x.getRequestMethod(), uri, x.getRequestHeaders().getFirst("Authorization"),
                x.getRequestHeaders().getFirst("Content-Type"), body));
        String text = new String(body, StandardCharsets.UTF_8);
        switch (x.getRequestMethod() + " " + path) {
            case "GET /api/v1/tasks" -> json(x, 200, """
                    {"asOf":"2026-12-05","overdue":[{"type":"FOLLOW_UP_REPORT","followUpRequestId":"%s","caseId":"%s",
                      "caseFolio":"CASO-10005-2026-0007","office":"Oficina ficticia","dueOn":"2026-11-20","daysLeft":-15,
                      "assignedTo":"trabajadora.10005"}],"upcoming":[]}""".formatted(REFERRAL, CASE));
            case "GET /api/v1/cases" -> json(x, 200, """
                    {"items":[{"id":"%s","folio":"CASO-10005-2026-0007","orgUnit":"10005","category":"HEALTH","status":"REFERRED",
                      "receivedOn":"2026-10-01"}],"page":0,"size":50,"total":1}""".formatted(CASE));
            case "GET /api/v1/cases/" + CASE -> json(x, 200, """
                    {"case":{"id":"%s","folio":"CASO-10005-2026-0007","orgUnit":"10005","category":"HEALTH","status":"REFERRED",
                      "receivedOn":"2026-10-01"},"statusLabel":"Canalizado",
                     "history":[{"fromStatus":null,"toStatus":"RECEIVED","at":"2026-10-01T16:00:00Z","actor":"trabajadora.10005"},
                                {"fromStatus":"RECEIVED","toStatus":"UNDER_REVIEW","at":"2026-10-02T16:00:00Z","actor":"trabajadora.10005"}],
                     "referrals":[{"id":"%s","agencyId":"SALUD-DGO","status":"REQUESTED","letterFolio":"SG-10005-2026-0003",
                                   "letterIssuedOn":"2026-10-03"}],"approvals":[]}""".formatted(CASE, REFERRAL));
            case "GET /api/v1/referrals/" + REFERRAL + "/letter" -> send(x, 200, "application/pdf", "%PDF-1.4 carta ficticia".getBytes(StandardCharsets.US_ASCII));
            case "GET /api/v1/approvals" -> json(x, 200, """
                    {"items":[{"id":"%s","kind":"CONSENT_OVERRIDE","caseId":"%s","orgUnit":"10005","reason":"Motivo ficticio",
                      "status":"REQUESTED","requestedBy":"trabajadora.10005","requestedAt":"2026-12-01T15:00:00Z"}],
                     "page":0,"size":50,"total":1}""".formatted(APPROVAL, CASE));
            case "POST /api/v1/approvals/" + APPROVAL + "/decision" -> json(x, 200, """
                    {"id":"%s","kind":"CONSENT_OVERRIDE","caseId":"%s","status":"APPROVED"}""".formatted(APPROVAL, CASE));
            case "POST /api/v1/activities" -> activities(x, text);
            case "GET /api/v1/activities/template" -> send(x, 200, "text/csv", "id,indicador,clave_unidad,fecha,cantidad,nota\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            case "POST /api/v1/work-plans/import" -> plan(x, text);
            default -> json(x, 404, "{\"title\":\"No encontrado\",\"status\":404,\"detail\":\"Recurso ficticio inexistente.\"}");
        }
    }

    /** A file with "cuatro" in it has a bad row 3; any other is accepted. */
    private static void activities(HttpExchange x, String body) throws IOException {
        if (body.contains("cuatro")) {
            problem(x, 422, "1 de 2 fila(s) del archivo tienen errores; no se registró ningún reporte del archivo.",
                    "{\"field\":\"cantidad\",\"row\":3,\"column\":\"cantidad\",\"message\":\"La cantidad debe ser un número; se recibió 'cuatro'.\"}");
        } else {
            json(x, 202, "{\"accepted\":2,\"alreadyKnown\":0,\"ids\":[]}");
        }
    }

    /** A workbook with "diez" in it has a bad cell in Metas; any other passes the dry run and is then saved. */
    private static void plan(HttpExchange x, String body) throws IOException {
        if (body.contains("diez")) {
            problem(x, 422, "La hoja de cálculo tiene 1 error(es); no se guardó nada.",
                    "{\"field\":\"Metas\",\"row\":3,\"column\":\"meta (F)\",\"message\":\"Se esperaba un número y hay texto: 'diez'.\"}");
        } else {
            boolean dry = x.getRequestURI().getQuery().contains("dryRun=true");
            json(x, 200, """
                    {"id":null,"orgUnit":"10012","fiscalYear":2019,"created":%s,"changed":true,"dryRun":%s,"status":"DRAFT",
                     "revision":1,"programs":19,"actions":40,"targets":101}""".formatted(dry, dry));
        }
    }

    private static void problem(HttpExchange x, int status, String detail, String error) throws IOException {
        send(x, status, "application/problem+json", ("{\"title\":\"Datos inválidos\",\"status\":" + status + ",\"detail\":\""
                + detail + "\",\"errors\":[" + error + "]}").getBytes(StandardCharsets.UTF_8));
    }

    private static void json(HttpExchange x, int status, String body) throws IOException {
        send(x, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
        x.close();
    }
}
