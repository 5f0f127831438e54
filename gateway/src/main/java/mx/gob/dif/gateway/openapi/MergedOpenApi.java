package mx.gob.dif.gateway.openapi;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import mx.gob.dif.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

// Hand-written on purpose: smallrye-openapi documents this application only; it cannot merge the services' documents.
/**
 * One OpenAPI document for the whole public API, at {@code /openapi} and {@code /q/openapi}:
 * the services' own documents (each generated from its code) with their paths and schemas merged
 * ({@link OpenApiMerge}).
 */
@ApplicationScoped
public class MergedOpenApi {
    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private final GatewayConfig config;
    private final Vertx vertx;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public MergedOpenApi(GatewayConfig config, Vertx vertx) {
        this.config = config;
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
                ctx.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("title", "Documento no disponible").put("status", 503)
                                .put("detail", "No se pudo reunir la documentación de los servicios.").encode());
            }
        });
    }

    JsonObject merge() {
        OpenApiMerge merged = new OpenApiMerge();
        for (Map.Entry<String, String> s : new TreeMap<>(config.services()).entrySet()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.getValue() + "/q/openapi?format=json"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    continue;
                }
                merged.add(s.getKey(), new JsonObject(r.body()));
            } catch (Exception e) {
                LOG.warnf("No OpenAPI document from %s: %s", s.getKey(), e.toString());
            }
        }
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Plataforma DIF — API pública v1").put("version", "1.0")
                        .put("description", "Todas las rutas se atienden a través del gateway bajo /api/v1. "
                                + "Los errores son application/problem+json con mensajes en español."))
                .put("paths", merged.paths())
                .put("components", new JsonObject().put("schemas", merged.schemas()));
    }
}
