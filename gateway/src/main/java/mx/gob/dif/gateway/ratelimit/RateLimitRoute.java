package mx.gob.dif.gateway.ratelimit;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.gateway.auth.TokenGate;
import mx.gob.dif.gateway.config.GatewayConfig;
import mx.gob.dif.gateway.proxy.Problems;
import mx.gob.dif.gateway.proxy.RequestIds;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.concurrent.TimeUnit;

// Hand-written on purpose: Quarkus has no per-client rate limiter (see RateLimiter).
/**
 * Counts every /api request against its client's bucket before it is proxied: 429 problem+json
 * with Retry-After when the bucket is empty, RateLimit-Limit / RateLimit-Remaining on every answer.
 * Runs after the token was checked ({@link TokenGate}) and before a refusal is answered, so a
 * validated token counts against its client and subject, and a refused request against its address
 * (a stream of bad tokens from one address ends in 429s too). Preflights (answered by CORS), health
 * (/q/*), /openapi and Swagger UI are never counted.
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
        this.keys = new ClientKeys(rl.trustedProxies().orElse(java.util.List.of()));
    }

    void register(@Observes Router router) {
        if (limiter != null) {
            router.route("/api/*").order(3).handler(this::check);
        }
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest in = ctx.request();
        String key = null;
        SecurityIdentity who = ctx.get(TokenGate.IDENTITY);
        if (who != null && who.getPrincipal() instanceof JsonWebToken jwt) {
            key = ClientKeys.ofToken(claim(jwt, "azp"), jwt.getSubject());
        }
        if (key == null) {
            key = keys.ofAddress(in.getHeader("X-Forwarded-For"), in.remoteAddress() == null ? null : in.remoteAddress().hostAddress());
        }
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

    private static String claim(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        return v instanceof jakarta.json.JsonString js ? js.getString() : v == null ? null : v.toString();
    }
}
