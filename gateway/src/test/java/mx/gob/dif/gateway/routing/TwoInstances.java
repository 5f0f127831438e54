package mx.gob.dif.gateway.routing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three instances of indicators-service for the gateway: A and B answer (each says which it is), the third
 * address refuses every connection. A request with {@value #ANSWER_503} gets a 503, and the instance's readiness
 * answers 503 from then on until the test makes it {@link Fake#ready} again.
 */
public class TwoInstances implements QuarkusTestResourceLifecycleManager {
    public static final String ANSWER_503 = "X-Fake-Answer-503";
    static final String DEAD = "http://127.0.0.1:1";
    static final Fake A = new Fake("A");
    static final Fake B = new Fake("B");

    /** One instance: counts the API requests it answered. */
    static final class Fake {
        final String name;
        final AtomicInteger answered = new AtomicInteger();
        final AtomicBoolean ready = new AtomicBoolean(true);
        private HttpServer server;

        Fake(String name) {
            this.name = name;
        }

        String start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/q/health/ready", exchange -> send(exchange, ready.get() ? 200 : 503, "{}"));
            server.createContext("/q/openapi", exchange -> send(exchange, 200, "{\"openapi\":\"3.1.0\",\"paths\":{}}"));
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestHeaders().getFirst(ANSWER_503) != null) {
                    ready.set(false);
                    send(exchange, 503, "{}");
                    return;
                }
                answered.incrementAndGet();
                send(exchange, 200, "{\"instance\":\"" + name + "\"}");
            });
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            String a = A.start();
            String b = B.start();
            return Map.of("gateway.services.indicators", a + "," + b + "," + DEAD, "gateway.probe-interval-ms", "200");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** After the other test resources: these addresses are the ones the gateway gets. */
    @Override
    public int order() {
        return 10;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    @Override
    public void stop() {
        A.stop();
        B.stop();
    }
}
