package mx.gob.dif.gateway.proxy;

import io.vertx.ext.web.RoutingContext;
import mx.gob.dif.common.rest.Problem;

/** problem+json answers made by the gateway itself. */
public final class Problems {
    public static void send(RoutingContext ctx, int status, String title, String detail, String rid) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Problem.of(status, title, detail, ctx.request().path(), rid).json());
    }

    private Problems() {
    }
}
