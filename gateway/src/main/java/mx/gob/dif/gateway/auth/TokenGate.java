package mx.gob.dif.gateway.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.gateway.proxy.Problems;
import mx.gob.dif.gateway.proxy.RequestIds;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.function.BiConsumer;

// Hand-written on purpose: a Quarkus HTTP permission would answer 401 itself, before the rate limiter and without the Spanish problem+json.
/**
 * Every /api request needs a valid bearer token of the DIF realm (signature against the realm's
 * published keys, expiry, issuer: quarkus-oidc does the checking, configured in service-common).
 * Which role may do what is each service's business; the gateway only keeps out requests without a
 * valid token, so they never reach a service.
 * <p>
 * Two handlers around the rate limiter: {@link #authenticate} (order 2) resolves the token and
 * remembers the outcome, the rate limiter (order 3) counts the request against the validated
 * client or, for a rejected request, against its address, and {@link #enforce} (order 4) answers
 * 401 problem+json for a rejected one. CORS (order 1) comes first, so preflights need no token and
 * refusals carry CORS headers. /openapi, Swagger UI and /q/* are not under /api and stay public.
 */
@ApplicationScoped
public class TokenGate {
    /** The validated caller ({@link SecurityIdentity}) of this request; absent when the request is refused. */
    public static final String IDENTITY = "dif.identity";
    private static final String REJECTION = "dif.auth.rejection";
    public static final String CHALLENGE = "Bearer realm=\"dif\"";
    private static final Logger LOG = Logger.getLogger(TokenGate.class);
    /** Replaces Quarkus' default reaction to a failed authentication (an empty 401): this class answers. */
    private static final BiConsumer<RoutingContext, Throwable> ANSWERED_HERE = (ctx, failure) -> {
    };

    enum Rejection {
        MISSING("Falta el token de acceso. Obtenga uno en Keycloak (realm dif) y envíelo en el encabezado "
                + "Authorization: Bearer <token>."),
        EXPIRED("El token de acceso venció. Obtenga uno nuevo en Keycloak (realm dif) y envíelo en el encabezado "
                + "Authorization: Bearer <token>."),
        INVALID("El token de acceso no es válido: fue alterado, lo emitió otro servidor o no es un token del realm dif. "
                + "Obtenga uno en Keycloak (realm dif) y envíelo en el encabezado Authorization: Bearer <token>.");

        final String detail;

        Rejection(String detail) {
            this.detail = detail;
        }
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(2).handler(this::authenticate);
        router.route("/api/*").order(4).handler(this::enforce);
    }

    private void authenticate(RoutingContext ctx) {
        // the answer comes asynchronously: hold the body until the proxy (or a refusal) takes it
        ctx.request().pause();
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            reject(ctx, Rejection.MISSING);
            return;
        }
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, ANSWERED_HERE);
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(ctx, null);
        Context vertxContext = Vertx.currentContext();
        identity.subscribe().with(
                who -> onContext(vertxContext, () -> {
                    if (who == null || who.isAnonymous() || !(who.getPrincipal() instanceof JsonWebToken)) {
                        // not a bearer token quarkus-oidc recognises (e.g. Basic): no token as far as we are concerned
                        reject(ctx, Rejection.MISSING);
                    } else {
                        ctx.put(IDENTITY, who);
                        ctx.next();
                    }
                }),
                failure -> onContext(vertxContext, () -> {
                    Rejection why = expired(failure) ? Rejection.EXPIRED : Rejection.INVALID;
                    LOG.debugf("Token refused on %s %s: %s", ctx.request().method(), ctx.request().path(), why);
                    reject(ctx, why);
                }));
    }

    private static void reject(RoutingContext ctx, Rejection why) {
        ctx.put(REJECTION, why);
        ctx.next();
    }

    private void enforce(RoutingContext ctx) {
        Rejection why = ctx.get(REJECTION);
        if (why == null && ctx.get(IDENTITY) != null) {
            ctx.next();
            return;
        }
        if (why == null) {
            why = Rejection.MISSING; // not resolved: never let such a request through
        }
        ctx.request().resume();
        ctx.response().putHeader("WWW-Authenticate",
                why == Rejection.MISSING ? CHALLENGE : CHALLENGE + ", error=\"invalid_token\"");
        Problems.send(ctx, 401, "No autenticado", why.detail, RequestIds.of(ctx));
    }

    /** Whether the token was refused for being past its expiry (jose4j says so in the cause chain). */
    static boolean expired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.jose4j.jwt.consumer.InvalidJwtException jwt && jwt.hasExpired()) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("The JWT is no longer valid")) {
                return true;
            }
        }
        return false;
    }

    private static void onContext(Context context, Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }
}
