package mx.gob.dif.gateway.cors;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.gateway.config.GatewayConfig;

// Hand-written on purpose: Quarkus' CORS filter cannot give the documented behaviour (see CorsPolicy).
/**
 * CORS for /api and /openapi, answered by the gateway: preflights never reach a service (nor the
 * rate limiter), and the services' own CORS headers, if any, are dropped by the proxy.
 */
@ApplicationScoped
public class CorsRoute {
    private final CorsPolicy policy;

    public CorsRoute(GatewayConfig config) {
        this.policy = new CorsPolicy(config.cors().origins(), config.cors().maxAgeSeconds());
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(1).handler(this::handle);
        router.route("/openapi").order(1).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        HttpServerResponse out = ctx.response();
        String origin = in.getHeader(HttpHeaders.ORIGIN);
        if (origin != null) {
            out.putHeader("Vary", "Origin"); // the answer depends on it: caches must know
        }
        if (CorsPolicy.isPreflight(in.method().name(), origin, in.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD))) {
            policy.preflight(origin).forEach(out::putHeader);
            out.setStatusCode(204).end();
            return;
        }
        policy.actual(origin).forEach(out::putHeader);
        ctx.next();
    }
}
