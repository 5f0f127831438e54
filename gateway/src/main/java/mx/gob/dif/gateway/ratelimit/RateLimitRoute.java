package mx.gob.dif.gateway.ratelimit;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.gateway.config.GatewayConfig;
import mx.gob.dif.gateway.proxy.Problems;
import mx.gob.dif.gateway.proxy.RequestIds;

import java.util.concurrent.TimeUnit;

/**
 * Counts every /api request against its client's bucket before it is proxied: 429 problem+json
 * with Retry-After when the bucket is empty, RateLimit-Limit / RateLimit-Remaining on every answer.
 * Health (/q/*), /openapi and Swagger UI are not under /api and are never counted.
 */
@ApplicationScoped
public class RateLimitRoute {
    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";

    private final RateLimiter limiter;
    private final ClientKeys keys;

    public RateLimitRoute(GatewayConfig config) {
        GatewayConfig.RateLimit rl = config.rateLimit();
        this.limiter = rl.enabled()
                ? new RateLimiter(rl.burst(), rl.requestsPerSecond(), rl.maxClients(), TimeUnit.SECONDS.toNanos(30), System::nanoTime)
                : null;
        this.keys = new ClientKeys(rl.trustForwardedFor());
    }

    void register(@Observes Router router) {
        if (limiter != null) {
            router.route("/api/*").order(2).handler(this::check);
        }
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        String key = keys.keyFor(in.getHeader(HttpHeaders.AUTHORIZATION), in.getHeader("X-Forwarded-For"),
                in.remoteAddress() == null ? null : in.remoteAddress().hostAddress());
        TokenBucket.Decision decision = limiter.tryAcquire(key);
        ctx.response().putHeader(LIMIT, Long.toString(limiter.limit()))
                .putHeader(REMAINING, Long.toString(decision.remaining()));
        if (decision.allowed()) {
            ctx.next();
            return;
        }
        long retryAfter = decision.retryAfterSeconds();
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        in.resume();
        Problems.send(ctx, 429, "Demasiadas solicitudes", "Se superó el límite de solicitudes permitido para este cliente. "
                + "Intente de nuevo en " + retryAfter + (retryAfter == 1 ? " segundo." : " segundos."), RequestIds.of(ctx));
    }
}
