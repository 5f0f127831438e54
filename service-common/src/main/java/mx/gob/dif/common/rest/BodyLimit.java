package mx.gob.dif.common.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused like every other
 * request: 413 problem+json in Spanish, before any of it is read. Quarkus itself would answer the
 * same status with an empty body (its check runs right after this one, and still guards bodies sent
 * without a length). Serves every service and the gateway, which proxies.
 */
@ApplicationScoped
public class BodyLimit {
    private final MemorySize limit;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        this.limit = limit;
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    /** The body's Content-Length, or -1 when it has none (sent in chunks). */
    public static long announcedLength(HttpServerRequest request) {
        try {
            String length = request.getHeader("Content-Length");
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException malformed) {
            return -1; // HTTP decoding refuses it before this
        }
    }

    /**
     * The Spanish reason a body of {@code announced} bytes is refused: over {@code limit}, the most {@code service}
     * takes (null: the one answering).
     */
    public static String tooLarge(long announced, long limit, String service) {
        return "El cuerpo de la solicitud mide " + announced + " bytes y el máximo "
                + (service == null ? "" : "que acepta el servicio '" + service + "' ") + "es " + limit + " bytes ("
                + megabytes(limit) + "). Divida el envío en partes más pequeñas.";
    }

    private void check(RoutingContext ctx) {
        long announced = announcedLength(ctx.request());
        if (announced <= limit.asLongValue()) {
            ctx.next();
            return;
        }
        String rid = ctx.request().getHeader(RequestIdFilter.HEADER);
        if (rid == null || rid.isBlank() || rid.length() > 128) {
            rid = UUID.randomUUID().toString();
        }
        Problem problem = Problem.of(413, "Cuerpo demasiado grande", tooLarge(announced, limit.asLongValue(), null),
                ctx.request().path(), rid);
        // the body was not read: the connection cannot carry another request
        ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE).putHeader("Connection", "close")
                .putHeader(RequestIdFilter.HEADER, rid)
                .end(problem.json())
                .onComplete(done -> ctx.request().connection().close());
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }
}
