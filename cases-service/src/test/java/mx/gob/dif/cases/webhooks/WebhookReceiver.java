package mx.gob.dif.cases.webhooks;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * An integrator's receiver on 127.0.0.1 (JDK HttpServer, free port). Each path answers as told
 * ({@link #answer}: the status for the n-th request, counting from 1; 200 by default) and keeps
 * every request it got.
 */
final class WebhookReceiver implements AutoCloseable {
    record Received(String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, IntUnaryOperator> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        this(InetAddress.getLoopbackAddress());
    }

    /** Listening on one address only (e.g. 127.0.0.2: the system's "localhost" does not reach it). */
    WebhookReceiver(InetAddress address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
            received.add(new Received(path, headers, body));
            int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Long delay = delays.get(path);
            if (delay != null) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = answers.getOrDefault(path, i -> 200).applyAsInt(n);
            // an answer body the dispatcher must never store or echo
            byte[] answer = ("{\"eco\":\"respuesta-del-receptor-" + path + "\"}").getBytes(StandardCharsets.UTF_8);
            if (status / 100 == 3) {
                exchange.getResponseHeaders().add("Location", url("/redirigido" + path));
            }
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void answer(String path, IntUnaryOperator statusForNthRequest) {
        answers.put(path, statusForNthRequest);
    }

    void delay(String path, long millis) {
        delays.put(path, millis);
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
