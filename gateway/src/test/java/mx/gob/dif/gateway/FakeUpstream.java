package mx.gob.dif.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;

/**
 * A tiny HTTP server standing in for the programs service, echoing what the gateway forwarded.
 * {@code GET /__received} lists the request lines it got (so tests can show a request never
 * reached a service). A request with {@value #DELAY_HEADER} is answered only after that many
 * milliseconds (a service that took the request and went silent, e.g. frozen). The real services behind the gateway are exercised by the end-to-end tests.
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {
    public static final String RECEIVED = "/__received";
    /** A request with this header set to 413 gets a bare 413, no body. */
    public static final String PLAIN_413 = "X-Fake-Plain-413";
    public static final String DELAY_HEADER = "X-Fake-Delay-Ms";
    /**
     * A server-sent event stream like the console's live updates: one event, then silence for
     * {@value #DELAY_HEADER} ms and until {@value #RELEASE} was called, then a last event and the end.
     */
    public static final String LIVE = "/live/test";
    public static final String RELEASE = "/live/release";
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // one thread per exchange: a delayed answer must not hold the others
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(RECEIVED, exchange -> send(exchange, 200, "text/plain", String.join("\n", received)));
        server.createContext(LIVE, this::live);
        server.createContext(RELEASE, exchange -> {
            released.countDown();
            send(exchange, 200, "text/plain", "ok");
        });
        server.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            String delay = exchange.getRequestHeaders().getFirst(DELAY_HEADER);
            if (delay != null) {
                try {
                    Thread.sleep(Long.parseLong(delay));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String echo = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"uri\":\"" + exchange.getRequestURI()
                    + "\",\"requestId\":\"" + exchange.getRequestHeaders().getFirst("X-Request-Id")
                    + "\",\"authorization\":" + quoted(exchange.getRequestHeaders().getFirst("Authorization"))
                    + ",\"difUser\":" + quoted(exchange.getRequestHeaders().getFirst("X-Dif-User"))
                    + ",\"forwardedFor\":" + quoted(String.valueOf(exchange.getRequestHeaders().get("X-Forwarded-For")))
                    + ",\"forwardedProto\":" + quoted(exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"))
                    + ",\"forwardedHost\":" + quoted(exchange.getRequestHeaders().getFirst("X-Forwarded-Host"))
                    + ",\"forwarded\":" + quoted(exchange.getRequestHeaders().getFirst("Forwarded"))
                    + ",\"bodyLength\":" + in.length
                    + ",\"body\":" + (in.length == 0 || in.length > 100_000 ? "null" : new String(in, StandardCharsets.UTF_8)) + "}";
            if ("413".equals(exchange.getRequestHeaders().getFirst(PLAIN_413))) {
                // what a Quarkus service answers to a body sent without a length that outgrows its limit
                exchange.sendResponseHeaders(413, -1);
                exchange.close();
                return;
            }
            if (exchange.getRequestURI().getPath().equals("/q/openapi")) {
                send(exchange, 200, "application/json", "{\"openapi\":\"3.1.0\",\"paths\":{}}");
                return;
            }
            int status = exchange.getRequestURI().getPath().startsWith("/q/health") ? 200 : 201;
            // a service that (wrongly) answers CORS itself: the gateway must not pass this on
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            send(exchange, status, "application/json", echo);
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        // cases is configured on a port where nothing listens: the gateway must say so
        return Map.of("gateway.services.programs", url, "gateway.services.indicators", url,
                "gateway.services.cases", "http://127.0.0.1:1", "gateway.services.console", url);
    }

    private void live(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            Thread.sleep(Long.parseLong(exchange.getRequestHeaders().getFirst(DELAY_HEADER)));
            if (!released.await(2, TimeUnit.MINUTES)) {
                return;
            }
            body.write("data: last\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
        exchange.close();
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
