package mx.gob.dif.common.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/**
 * Bean Validation on request records answers like every other refusal: 400 problem+json, one
 * {@code errors} entry per violated field with the constraint's Spanish message; for a batch
 * (a list body) the entry carries the item's index.
 */
public class ValidationMapper {
    @Context
    UriInfo uriInfo;

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(ValidationMapper::fieldError)
                .sorted(Comparator.comparing((Problem.FieldError f) -> f.index() == null ? -1 : f.index())
                        .thenComparing(f -> f.field() == null ? "" : f.field()))
                .toList();
        String detail = errors.size() == 1 ? errors.get(0).message()
                : "La solicitud tiene " + errors.size() + " datos inválidos; cada uno se detalla en 'errors'.";
        Object rid = MDC.get(RequestIdFilter.MDC_KEY);
        Problem p = new Problem("about:blank", "Solicitud inválida", 400, detail,
                uriInfo == null ? null : "/" + uriInfo.getPath().replaceFirst("^/", ""), rid == null ? null : rid.toString(), errors);
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    /** {@code create.arg0[3].quantity} → index 3, field {@code quantity}; method and parameter nodes are left out. */
    static Problem.FieldError fieldError(ConstraintViolation<?> v) {
        Integer index = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                if (node.getIndex() != null && index == null) {
                    index = node.getIndex();
                }
                continue;
            }
            if (node.getIndex() != null && index == null && field.isEmpty()) {
                index = node.getIndex();
            }
            if (node.getName() != null && !node.getName().isEmpty()) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return Problem.FieldError.of(index, field.isEmpty() ? null : field.toString(), v.getMessage());
    }
}
