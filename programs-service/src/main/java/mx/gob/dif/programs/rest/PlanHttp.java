package mx.gob.dif.programs.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.programs.service.EditResult;
import mx.gob.dif.programs.service.PlanDocuments;

import java.net.URI;
import java.util.UUID;

/**
 * The HTTP side of plan entities: ids in paths, {@code If-Match}/{@code ETag} (the plan revision)
 * and the {@code X-Plan-Revision}/{@code X-Plan-Changed} headers of every change. Entities are
 * written with the event mapper, so amounts keep exactly the digits they were imported with.
 */
final class PlanHttp {
    private PlanHttp() {
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No existe el plan '" + id + "' (el id debe ser un UUID).");
        }
    }

    /** {@code If-Match: "7"} (or 7): the plan revision the client read; null when absent or {@code *}. */
    static Integer ifMatch(HttpHeaders headers) {
        String v = headers.getHeaderString("If-Match");
        if (v == null || v.isBlank() || v.trim().equals("*")) {
            return null;
        }
        String t = v.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match debe ser la revisión del plan que leyó (encabezado ETag o planRevision), p. ej. If-Match: \"3\".");
        }
    }

    static void requirePlanKey(String orgUnit, Integer year) {
        if (orgUnit == null || orgUnit.isBlank() || year == null) {
            throw ProblemException.badRequest("Indique orgUnit y fiscalYear, p. ej. ?orgUnit=10005&fiscalYear=2021.");
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static URI location(String template, EditResult r, String code) {
        return UriBuilder.fromPath(template).build(r.planId(), code);
    }

    static Response read(EditResult r, ObjectNode entity) {
        return Response.ok(PlanDocuments.json(entity), MediaType.APPLICATION_JSON).tag(etag(r)).build();
    }

    static Response created(EditResult r, URI location, ObjectNode entity) {
        return changed(Response.created(location).entity(PlanDocuments.json(entity)).type(MediaType.APPLICATION_JSON), r);
    }

    static Response ok(EditResult r, ObjectNode entity) {
        return changed(Response.ok(PlanDocuments.json(entity), MediaType.APPLICATION_JSON), r);
    }

    static Response deleted(EditResult r) {
        return changed(Response.noContent(), r);
    }

    private static Response changed(Response.ResponseBuilder b, EditResult r) {
        return b.header("X-Plan-Revision", r.revision()).header("X-Plan-Changed", r.changed()).tag(etag(r)).build();
    }

    private static EntityTag etag(EditResult r) {
        return new EntityTag(String.valueOf(r.revision()));
    }
}
