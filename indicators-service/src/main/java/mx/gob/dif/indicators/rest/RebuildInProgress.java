package mx.gob.dif.indicators.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.common.rest.Problem;
import mx.gob.dif.common.rest.RequestIdFilter;
import mx.gob.dif.indicators.messaging.Rebuilds;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.sql.SQLException;
import java.util.Optional;

/**
 * While a rebuild replays the logs (asked on any instance), every read of aggregates answers 503 with
 * Retry-After instead of partial numbers that look final; the administrators' endpoints (the rebuild's
 * own status among them) keep answering.
 */
public class RebuildInProgress {
    /** Seconds a client waits before asking again; a rebuild of the demo data takes a few. */
    static final String RETRY_AFTER = "10";
    private final Rebuilds rebuilds;

    public RebuildInProgress(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @ServerRequestFilter
    public Optional<Response> duringRebuild(ContainerRequestContext request) throws SQLException {
        String path = request.getUriInfo().getPath();
        if (!"GET".equals(request.getMethod()) || !path.startsWith("/api/v1/") || path.startsWith("/api/v1/admin/")
                || !rebuilds.running()) {
            return Optional.empty();
        }
        Object rid = MDC.get(RequestIdFilter.MDC_KEY);
        Problem p = Problem.of(503, "Reconstrucción en curso", "Los indicadores se están reconstruyendo desde el registro de "
                + "actividades; las cifras de este momento estarían incompletas. Vuelva a consultar en unos segundos.",
                path, rid == null ? null : rid.toString());
        return Optional.of(Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER).entity(p).build());
    }
}
