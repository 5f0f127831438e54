package mx.gob.dif.gateway.routing;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Every service's {@link Pool} from {@code gateway.services.<name>} (one address, or several separated by
 * commas), and the active probe that re-admits an ejected instance once its {@code /q/health/ready} answers 200.
 */
@ApplicationScoped
public class Upstreams {
    private static final Logger LOG = Logger.getLogger(Upstreams.class);
    private final Map<String, Pool> pools = new TreeMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final GatewayConfig config;

    public Upstreams(GatewayConfig config) {
        this.config = config;
        config.services().forEach((name, addresses) -> pools.put(name, new Pool(name, addresses)));
    }

    void start(@Observes StartupEvent e, Vertx vertx) {
        vertx.setPeriodic(config.probeIntervalMs(), id -> probeEjected());
    }

    /** The service's pool; null for a service the gateway does not know. */
    public Pool pool(String service) {
        return pools.get(service);
    }

    public Map<String, Pool> pools() {
        return pools;
    }

    /** Ejects an instance that refused a connection or answered 503; the probe re-admits it. */
    public void eject(Pool.Instance i, String why) {
        Pool p = pools.get(i.service());
        if (!p.ejected(i)) {
            LOG.warnf("Instance %s ejected: %s", i, why);
        }
        p.eject(i);
    }

    void probeEjected() {
        pools.values().forEach(p -> p.ejected().forEach(i -> ready(i).thenAccept(state -> {
            if ("UP".equals(state)) {
                p.readmit(i);
                LOG.infof("Instance %s ready again", i);
            }
        })));
    }

    /** UP (its readiness answered 200), DOWN (it answered something else) or UNREACHABLE. */
    public CompletableFuture<String> ready(Pool.Instance i) {
        return get(i, "/q/health/ready", Duration.ofSeconds(3))
                .thenApply(r -> r.statusCode() == 200 ? "UP" : "DOWN")
                .exceptionally(e -> "UNREACHABLE");
    }

    /**
     * The gateway's own question to an instance (its readiness, its OpenAPI document), not a client's request: those
     * go through {@code ProxyRoute}. Fails when no answer comes within {@code timeout}.
     */
    public CompletableFuture<HttpResponse<String>> get(Pool.Instance i, String path, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(i.base() + path)).timeout(timeout).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
