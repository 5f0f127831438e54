package mx.gob.dif.gateway.health;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import mx.gob.dif.gateway.routing.Pool;
import mx.gob.dif.gateway.routing.Upstreams;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

// Hand-written on purpose: SmallRye Health has no check that aggregates the readiness of remote services.
/**
 * The readiness of every service behind the gateway, one data field per instance ({@code "indicators
 * http://10.0.0.5:8083": UP}) and one per service (its instances' state, or DEGRADED when they differ). A wellness check, not
 * a readiness check: the gateway forwards to each service on its own, so one service down only makes its
 * own routes answer 503 ({@code ProxyRoute}) while the gateway stays ready for the others. {@code /q/health}
 * and {@code /q/health/well} are DOWN while any service is; {@code /q/health/ready} is the gateway's own.
 */
@Wellness
@ApplicationScoped
public class ServicesHealthCheck implements HealthCheck {
    private final Upstreams upstreams;

    public ServicesHealthCheck(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    @Override
    public HealthCheckResponse call() {
        // all at once, so one hung instance costs one timeout, not one per instance
        Map<Pool.Instance, CompletableFuture<String>> probes = new LinkedHashMap<>();
        upstreams.pools().values().forEach(p -> p.instances().forEach(i -> probes.put(i, upstreams.ready(i))));
        HealthCheckResponseBuilder b = HealthCheckResponse.named("services");
        boolean allUp = true;
        for (Map.Entry<String, Pool> service : upstreams.pools().entrySet()) {
            Set<String> states = new TreeSet<>();
            for (Pool.Instance i : service.getValue().instances()) {
                String state = probes.get(i).join();
                b.withData(i.toString(), state);
                states.add(state);
                allUp &= "UP".equals(state);
            }
            // one state for the service: its instances' when they agree, else DEGRADED (some answer, some do not)
            b.withData(service.getKey(), states.size() == 1 ? states.iterator().next() : "DEGRADED");
        }
        return b.status(allUp).build();
    }
}
