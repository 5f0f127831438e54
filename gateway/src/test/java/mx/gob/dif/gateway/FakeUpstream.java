package mx.gob.dif.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A tiny HTTP server standing in for the programs service, echoing what the gateway forwarded.
 * The real services behind the gateway are exercised by the end-to-end tests.
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            String echo = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"uri\":\"" + exchange.getRequestURI()
                    + "\",\"requestId\":\"" + exchange.getRequestHeaders().getFirst("X-Request-Id")
                    + "\",\"body\":" + (in.length == 0 ? "null" : new String(in, StandardCharsets.UTF_8)) + "}";
            int status = exchange.getRequestURI().getPath().startsWith("/q/health") ? 200 : 201;
            byte[] out = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            // a service that (wrongly) answers CORS itself: the gateway must not pass this on
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        // cases is configured on a port where nothing listens: the gateway must say so
        return Map.of("gateway.services.programs", url, "gateway.services.indicators", url,
                "gateway.services.cases", "http://127.0.0.1:1");
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
