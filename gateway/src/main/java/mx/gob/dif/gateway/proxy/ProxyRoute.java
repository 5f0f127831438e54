package mx.gob.dif.gateway.proxy;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.common.rest.BodyLimit;
import mx.gob.dif.gateway.config.GatewayConfig;
import mx.gob.dif.gateway.routing.Pool;
import mx.gob.dif.gateway.routing.RouteTable;
import mx.gob.dif.gateway.routing.Upstreams;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

// Hand-written on purpose: Quarkus has no reverse-proxy extension; the gateway's header rules and 503 problem+json wrap the Vert.x client.
/**
 * Forwards /api/v1/** to the owning service (its instances in turn, {@link Upstreams}), streaming bodies
 * both ways, with a request id. Only
 * requests with a valid token get here ({@code TokenGate}); the Authorization header goes on as is,
 * because every service checks the token again and reads the caller from it.
 * <p>
 * Every other path except /q/** and /openapi is a page of the web console ({@link RouteTable#CONSOLE}), which
 * signs people in itself (its own OIDC session cookie): no bearer token is asked for here. The console learns
 * the address the browser used from X-Forwarded-Proto/-Host (to build its login redirect), and its answers may
 * be long-lived streams (server-sent events): the upstream timeout bounds only the wait for their headers.
 */
@ApplicationScoped
public class ProxyRoute {
    public static final String REQUEST_ID = RequestIds.HEADER;
    private static final Logger LOG = Logger.getLogger(ProxyRoute.class);
    /** Hop-by-hop headers (RFC 9110 §7.6.1) are never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");
    /**
     * Never forwarded either: who calls is what the validated token says. The header named the caller
     * before tokens were enforced (issue 6); a client sending it now must not be able to pass it on.
     * The services believe the forwarding headers from the gateway only (quarkus.http.proxy.trusted-proxies),
     * so a client's own must not reach them through it: the gateway sets X-Forwarded-For itself.
     */
    private static final Set<String> NOT_FORWARDED = Set.of("x-dif-user", "forwarded", "x-forwarded-for",
            "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-forwarded-prefix", "x-forwarded-server",
            "x-real-ip");

    /** Sent again to another instance after a refused connection: reading twice changes nothing. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private final RouteTable routes = RouteTable.platform();
    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final Vertx vertx;
    private final HttpClient client;
    /** Its own pool: a browser's live stream (server-sent events) holds a connection as long as the page is open. */
    private final HttpClient consoleClient;

    public ProxyRoute(Vertx vertx, GatewayConfig config, Upstreams upstreams) {
        this.config = config;
        this.upstreams = upstreams;
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64)
                .setConnectTimeout(3000));
        this.consoleClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(1024)
                .setConnectTimeout(3000));
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(10).handler(ctx -> forward(ctx, routes.serviceFor(ctx.request().path()).orElse(null)));
        router.route().order(10).handler(ctx -> {
            if (RouteTable.isConsolePath(ctx.request().path())) {
                forward(ctx, RouteTable.CONSOLE);
            } else {
                ctx.next();
            }
        });
    }

    void onStart(@Observes StartupEvent e) {
        LOG.infof("Gateway routing to %s", config.services());
    }

    private void forward(RoutingContext ctx, String service) {
        HttpServerRequest in = ctx.request();
        String rid = RequestIds.of(ctx);
        Pool pool = service == null ? null : upstreams.pool(service);
        if (pool == null) {
            in.resume();
            Problems.send(ctx, 404, "Ruta desconocida", "No existe la ruta " + in.path()
                    + ". Consulte la documentación de la API en /q/swagger-ui o /openapi.", rid);
            return;
        }
        MemorySize limit = config.bodyLimits().get(service);
        long announced = BodyLimit.announcedLength(in);
        if (limit != null && announced > limit.asLongValue()) {
            refuseOnceRead(ctx, service, announced, limit.asLongValue(), rid);
            return;
        }
        in.pause();
        forward(ctx, pool, pool.pick(null).orElseThrow(), rid, false);
    }

    /**
     * A body larger than the service takes (but within the gateway's own limit) is read to its end and dropped,
     * then refused: answering before it is read would leave the connection with unread bytes, and closing it then
     * resets it, which can lose the answer before the client reads it.
     */
    private static void refuseOnceRead(RoutingContext ctx, String service, long announced, long limit, String rid) {
        HttpServerRequest in = ctx.request();
        in.handler(dropped -> {
        });
        in.endHandler(end -> Problems.send(ctx, 413, "Cuerpo demasiado grande", BodyLimit.tooLarge(announced, limit, service), rid));
        in.resume();
    }

    /**
     * To one instance. A connection it refuses ejects it, and an idempotent request (GET, HEAD: nothing of it was
     * sent) goes once to another instance; a 503 it answers ejects it too, and is passed on.
     */
    private void forward(RoutingContext ctx, Pool pool, Pool.Instance target, String rid, boolean retried) {
        HttpServerRequest in = ctx.request();
        String service = target.service();
        URI base = target.base();
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setHost(base.getHost())
                .setPort(base.getPort())
                .setURI(in.uri());
        boolean console = RouteTable.CONSOLE.equals(service);
        if (!console) {
            // idle timeout: a silent service is given up on after this long
            options.setTimeout(config.upstreamTimeoutMs());
        }
        (console ? consoleClient : client).request(options).onSuccess(out -> {
            // a page may stream for as long as it is open: only the wait for its headers is bounded
            long headersDue = console ? vertx.setTimer(config.upstreamTimeoutMs(),
                    t -> out.reset(0, new TimeoutException("no answer from the console"))) : -1;
            in.headers().forEach(h -> {
                String name = h.getKey().toLowerCase(Locale.ROOT);
                if (!HOP_BY_HOP.contains(name) && !NOT_FORWARDED.contains(name)) {
                    out.headers().add(h.getKey(), h.getValue());
                }
            });
            out.headers().set(REQUEST_ID, rid);
            out.headers().set("X-Forwarded-For", in.remoteAddress() == null ? "" : in.remoteAddress().hostAddress());
            if (console && in.getHeader(HttpHeaders.HOST) != null) {
                out.headers().set("X-Forwarded-Proto", in.scheme());
                out.headers().set("X-Forwarded-Host", in.getHeader(HttpHeaders.HOST));
            }
            String len = in.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (len == null) {
                out.setChunked(true);
            }
            out.send(in).onComplete(done -> vertx.cancelTimer(headersDue)).onSuccess(upstream -> {
                if (upstream.statusCode() == 503) {
                    upstreams.eject(target, "answered 503");
                }
                if (upstream.statusCode() == 413 && !isProblem(upstream.getHeader(HttpHeaders.CONTENT_TYPE))) {
                    tooLarge(ctx, service, rid);
                    return;
                }
                var res = ctx.response();
                res.setStatusCode(upstream.statusCode());
                // CORS is the gateway's (CorsRoute ran before this copy): a service's own CORS headers are dropped
                upstream.headers().forEach(h -> {
                    String name = h.getKey().toLowerCase(Locale.ROOT);
                    if (!HOP_BY_HOP.contains(name) && !name.startsWith("access-control-")) {
                        res.headers().add(h.getKey(), h.getValue());
                    }
                });
                res.headers().set(REQUEST_ID, rid);
                if (upstream.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
                    res.setChunked(true);
                }
                upstream.pipeTo(res);
            }).onFailure(err -> unavailable(ctx, service, rid, err));
        }).onFailure(err -> {
            upstreams.eject(target, err.toString());
            Pool.Instance other = retried || !IDEMPOTENT.contains(in.method()) ? null : pool.pick(target).orElse(null);
            if (other != null) {
                forward(ctx, pool, other, rid, true);
            } else {
                unavailable(ctx, service, rid, err);
            }
        });
    }

    /**
     * A service refuses a body sent without a length only once it outgrows the limit, with a bare 413
     * (one announced too large never gets here: BodyLimit answers it at the door, here and there).
     */
    private static void tooLarge(RoutingContext ctx, String service, String rid) {
        ctx.response().putHeader("Connection", "close");
        Problems.send(ctx, 413, "Cuerpo demasiado grande", "El cuerpo de la solicitud supera el máximo que acepta el servicio '"
                + service + "'. Divida el envío en partes más pequeñas.", rid);
    }

    /** A person's browser asked for a page: a short Spanish page, not a problem+json document. */
    private static void consoleUnavailable(RoutingContext ctx) {
        ctx.response().setStatusCode(503).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.RETRY_AFTER, "10")
                .end("<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Consola no disponible</title></head>"
                        + "<body><h1>La consola no está disponible</h1><p>La consola de la plataforma DIF no responde en este "
                        + "momento. Espere unos segundos y vuelva a cargar la página.</p></body></html>");
    }

    private static boolean isProblem(String contentType) {
        return contentType != null && contentType.startsWith("application/problem+json");
    }

    private void unavailable(RoutingContext ctx, String service, String rid, Throwable err) {
        MDC.put("requestId", rid);
        LOG.warnf("Upstream %s failed: %s", service, err.toString());
        MDC.remove("requestId");
        if (!ctx.response().headWritten() && RouteTable.CONSOLE.equals(service)) {
            ctx.request().resume();
            consoleUnavailable(ctx);
        } else if (!ctx.response().headWritten() && err instanceof TimeoutException) {
            // the service took the request and went silent (frozen, overloaded): whether it acted is unknown
            ctx.request().resume();
            Problems.send(ctx, 504, "Tiempo de espera agotado", "El servicio '" + service + "' no respondió en "
                    + config.upstreamTimeoutMs() / 1000 + " s; no se sabe si la solicitud se procesó. Reenvíela en unos "
                    + "segundos (un reporte de actividad reenviado con el mismo id no se cuenta dos veces).", rid);
        } else if (!ctx.response().headWritten()) {
            ctx.request().resume();
            Problems.send(ctx, 503, "Servicio no disponible", "El servicio '" + service
                    + "' no responde en este momento. Intente de nuevo en unos segundos.", rid);
        } else {
            ctx.response().reset();
        }
    }
}
