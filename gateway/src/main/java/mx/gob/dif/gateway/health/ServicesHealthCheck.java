package mx.gob.dif.gateway.health;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.gateway.config.GatewayConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

// Hand-written on purpose: SmallRye Health has no check that aggregates the readiness of remote services.
/**
 * The readiness of every service behind the gateway, one data field per service. A wellness check, not
 * a readiness check: the gateway forwards to each service on its own, so one service down only makes its
 * own routes answer 503 ({@code ProxyRoute}) while the gateway stays ready for the others. {@code /q/health}
 * and {@code /q/health/well} are DOWN while any service is; {@code /q/health/ready} is the gateway's own.
 */
@Wellness
@ApplicationScoped
public class ServicesHealthCheck implements HealthCheck {
    private final GatewayConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ServicesHealthCheck(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        // all at once, so one hung service costs one timeout, not one per service
        Map<String, CompletableFuture<String>> probes = new TreeMap<>();
        config.services().forEach((name, url) -> probes.put(name, probe(url)));
        HealthCheckResponseBuilder b = HealthCheckResponse.named("services");
        boolean allUp = true;
        for (Map.Entry<String, CompletableFuture<String>> p : probes.entrySet()) {
            String state = p.getValue().join();
            b.withData(p.getKey(), state);
            allUp &= "UP".equals(state);
        }
        return b.status(allUp).build();
    }

    private CompletableFuture<String> probe(String baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(3)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> r.statusCode() == 200 ? "UP" : "DOWN")
                .exceptionally(e -> "UNREACHABLE");
    }
}
