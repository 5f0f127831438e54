package mx.gob.dif.gateway.proxy;

import io.vertx.ext.web.RoutingContext;

import java.util.UUID;

// Hand-written on purpose: Quarkus makes no request id for plain Vert.x routes; this is the one the services log.
/** The request id of an /api request: the caller's X-Request-Id if sensible, else a new one; echoed in the response. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "dif.requestId";

    /** The same id for every handler of one request (the first one to ask decides it). */
    public static String of(RoutingContext ctx) {
        String rid = ctx.get(KEY);
        if (rid == null) {
            rid = ctx.request().getHeader(HEADER);
            if (rid == null || rid.isBlank() || rid.length() > 128) {
                rid = UUID.randomUUID().toString();
            }
            ctx.put(KEY, rid);
            ctx.response().putHeader(HEADER, rid);
        }
        return rid;
    }

    private RequestIds() {
    }
}
