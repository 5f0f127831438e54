package mx.gob.dif.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.gateway.config.GatewayConfig;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

// Hand-written on purpose: SmallRye Health has no check that aggregates the readiness of remote services.
/** The gateway is ready only when every service behind it reports UP. */
@Readiness
@ApplicationScoped
public class ServicesHealthCheck implements HealthCheck {
    private final GatewayConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public ServicesHealthCheck(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("services");
        boolean allUp = true;
        for (Map.Entry<String, String> s : new TreeMap<>(config.services()).entrySet()) {
            String state = probe(s.getValue());
            b.withData(s.getKey(), state);
            allUp &= "UP".equals(state);
        }
        return b.status(allUp).build();
    }

    private String probe(String baseUrl) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? "UP" : "DOWN";
        } catch (Exception e) {
            return "UNREACHABLE";
        }
    }
}
