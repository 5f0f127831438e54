package mx.gob.dif.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every error of every service leaves as application/problem+json with a Spanish message. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Context
    UriInfo uriInfo;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.status(), e.title(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String where = e instanceof MismatchedInputException mi && !mi.getPath().isEmpty()
                ? " en el campo '" + path(mi) + "'" : "";
        // Jackson's own message is English and repeats the value sent (which may be personal data)
        String detail = e instanceof InvalidFormatException
                ? "Valor con formato inválido" + where + ": revise el tipo de dato (texto, número, fecha) que espera."
                : e instanceof StreamConstraintsException
                ? "El cuerpo excede los límites de JSON admitidos (anidamiento, longitud de números o de textos)."
                : e instanceof MismatchedInputException
                ? "El cuerpo no tiene la forma esperada" + where + "."
                : "El cuerpo de la solicitud no es JSON válido (línea " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
                + "). Revise comas, comillas y llaves.";
        return respond(400, "JSON inválido", detail, List.of());
    }

    /**
     * Quarkus maps a body of the wrong shape ({@code 12345} for an object, an object for a text) with its
     * own, more specific mapper, which answers an empty 400; this one is as specific, and Spanish.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return malformedJson(e);
    }

    /** No token, or one that is expired, tampered, or from another issuer: say so, and how to get one. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(respond(401, "No autenticado",
                        "Falta el token de acceso o no es válido (vencido, alterado o de otro emisor). Obtenga uno en Keycloak "
                                + "y envíelo en el encabezado Authorization: Bearer <token>.", List.of()))
                .header("WWW-Authenticate", "Bearer realm=\"dif\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "Acceso denegado", "Su rol no permite esta operación.", List.of());
    }

    /** A parameter JAX-RS could not convert is a 404 by the specification; a numeric one given as text is the caller's typo. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ResourceInfo resource) {
        Optional<ParameterTypes.Mismatch> bad = e.getCause() == null ? Optional.empty() : ParameterTypes.mismatch(resource, uriInfo);
        if (bad.isPresent()) {
            String name = bad.get().name();
            String message = "El parámetro '" + name + "' debe ser un número" + (bad.get().whole() ? " entero" : "") + ".";
            return respond(400, "Parámetro inválido", message, List.of(Problem.FieldError.of(null, name, message)));
        }
        return respond(404, "No encontrado", "No existe el recurso solicitado: " + (uriInfo == null ? "" : uriInfo.getPath()), List.of());
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return respond(405, "Método no permitido", "Este recurso no acepta ese método HTTP.", List.of());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json); // a body that is not JSON, as the JSON reader reports it
        }
        if (status == 401 || status == 403) {
            return respond(status, status == 401 ? "No autenticado" : "Acceso denegado",
                    status == 401 ? "Se requiere un token válido." : "Su rol o unidad no permite esta operación.", List.of());
        }
        if (status == 415) {
            return respond(415, "Tipo de contenido no soportado", "Envíe el cuerpo como application/json.", List.of());
        }
        if (status == 406) {
            return respond(406, "Formato no disponible", "El formato pedido en Accept no está disponible para este recurso.", List.of());
        }
        return respond(status, "Error", e.getMessage(), List.of());
    }

    @ServerExceptionMapper(priority = 100_000)
    public Response unexpected(Throwable e) {
        if (Races.lost(e)) {
            // another request stored the same unique data, or changed the same record, first: nothing of this one was
            // stored. Not logged: the driver's message would be noise (and its detail may quote the data).
            return respond(409, "Conflicto", "Otra solicitud guardó o cambió los mismos datos al mismo tiempo y se registró "
                    + "primero; no se guardó nada de esta. Consulte el registro actual antes de volver a intentarlo.", List.of());
        }
        if (DatabaseOutage.of(e)) {
            LOG.warnf("Database unreachable on %s: %s", uriInfo == null ? "?" : uriInfo.getPath(), e.getClass().getSimpleName());
            return Response.fromResponse(respond(503, "Servicio no disponible", "La base de datos no responde en este momento; "
                    + "no se completó la operación. Reintente en unos segundos (con los mismos ids, si los envió).", List.of()))
                    .header("Retry-After", "5").build();
        }
        LOG.errorf(e, "Unexpected error on %s", uriInfo == null ? "?" : uriInfo.getPath());
        return respond(500, "Error interno", "Ocurrió un error inesperado. Intente de nuevo; si persiste, reporte el id de solicitud.", List.of());
    }

    private Response respond(int status, String title, String detail, List<Problem.FieldError> errors) {
        Object rid = MDC.get(RequestIdFilter.MDC_KEY);
        Problem p = new Problem("about:blank", title, status, detail, uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", ""),
                rid == null ? null : rid.toString(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
