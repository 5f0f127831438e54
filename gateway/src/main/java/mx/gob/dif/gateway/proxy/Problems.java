package mx.gob.dif.gateway.proxy;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** problem+json answers made by the gateway itself. */
public final class Problems {
    public static void send(RoutingContext ctx, int status, String title, String detail, String rid) {
        JsonObject body = new JsonObject(Map.of("type", "about:blank", "title", title, "status", status,
                "detail", detail, "instance", ctx.request().path(), "requestId", rid));
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(body.encode());
    }

    private Problems() {
    }
}
