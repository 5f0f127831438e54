package mx.gob.dif.gateway.openapi;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.gateway.routing.Pool;
import mx.gob.dif.gateway.routing.RouteTable;
import mx.gob.dif.gateway.routing.Upstreams;
import mx.gob.dif.gateway.proxy.Problems;
import mx.gob.dif.gateway.proxy.RequestIds;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

// Hand-written on purpose: smallrye-openapi documents this application only; it cannot merge the services' documents.
/**
 * One OpenAPI document for the whole public API, at {@code /openapi} and {@code /q/openapi}:
 * the services' own documents (each generated from its code) with their paths and schemas merged
 * ({@link OpenApiMerge}).
 *
 * <p>A service's document is built into its jar and only changes when the service is redeployed, so
 * the last one received is kept: a service that is slow or restarting at the moment of a request
 * does not make its paths vanish. A service never reached yet is named in {@code x-unavailable-services}
 * rather than silently missing.
 */
@ApplicationScoped
public class MergedOpenApi {
    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(15);
    private final Upstreams upstreams;
    private final Vertx vertx;
    private final Map<String, JsonObject> received = new ConcurrentHashMap<>();

    public MergedOpenApi(Upstreams upstreams, Vertx vertx) {
        this.upstreams = upstreams;
        this.vertx = vertx;
    }

    void register(@Observes Router router) {
        router.get("/openapi").order(5).handler(this::serve);
        router.get("/q/openapi").order(5).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        vertx.executeBlocking(this::merge).onComplete(r -> {
            if (r.succeeded()) {
                ctx.response().putHeader("Content-Type", "application/json").end(r.result().encodePrettily());
            } else {
                Problems.send(ctx, 503, "Documento no disponible",
                        "No se pudo reunir la documentación de los servicios; intente de nuevo en unos segundos.", RequestIds.of(ctx));
            }
        });
    }

    JsonObject merge() {
        Map<String, CompletableFuture<JsonObject>> fetching = new TreeMap<>();
        upstreams.pools().forEach((name, pool) -> {
            if (!RouteTable.CONSOLE.equals(name)) { // the web console serves pages, no part of the API
                fetching.put(name, fetch(name, pool.pick(null).orElseThrow()));
            }
        });
        OpenApiMerge merged = new OpenApiMerge();
        JsonArray unavailable = new JsonArray();
        fetching.forEach((name, doc) -> {
            JsonObject fresh = doc.join();
            if (fresh != null) {
                received.put(name, fresh);
            }
            JsonObject known = received.get(name);
            if (known == null) {
                unavailable.add(name);
            } else {
                merged.add(name, known);
            }
        });
        JsonObject document = new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Plataforma DIF — API pública v1").put("version", "1.0")
                        .put("description", "Todas las rutas se atienden a través del gateway bajo /api/v1. "
                                + "Los errores son application/problem+json con mensajes en español."))
                .put("paths", merged.paths())
                .put("components", new JsonObject().put("schemas", merged.schemas()));
        if (!unavailable.isEmpty()) {
            document.put("x-unavailable-services", unavailable);
        }
        return document;
    }

    /** The service's current document, or null (logged) when it cannot be had within the timeout. */
    private CompletableFuture<JsonObject> fetch(String name, Pool.Instance instance) {
        return upstreams.get(instance, "/q/openapi?format=json", FETCH_TIMEOUT).handle((r, failure) -> {
            if (failure != null || r.statusCode() != 200) {
                LOG.warnf("No OpenAPI document from %s: %s", name, failure != null ? failure.toString() : "HTTP " + r.statusCode());
                return null;
            }
            try {
                return new JsonObject(r.body());
            } catch (RuntimeException notJson) {
                LOG.warnf("The OpenAPI document from %s is not JSON: %s", name, notJson.getMessage());
                return null;
            }
        });
    }
}
