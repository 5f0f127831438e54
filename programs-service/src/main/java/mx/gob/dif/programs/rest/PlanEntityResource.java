package mx.gob.dif.programs.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.programs.domain.PlanEdits;
import mx.gob.dif.programs.service.WorkPlanService;
import mx.gob.dif.programs.service.WorkPlanService.EditResult;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Single-entity API of a work plan: the plan itself (created empty), its programs, actions and
 * targets. Action and indicator codes are unique in a plan, so they are addressed under the plan
 * without their parents; they are created and listed under their parent. Every change goes through
 * {@link WorkPlanService#edit}: the same validation, revisions and catalog events as an import.
 * Responses of a change carry {@code X-Plan-Revision} and {@code X-Plan-Changed}.
 * <p>
 * Reads: every role but integrators, for plans in line with the caller's unit (own, below, above);
 * lists without {@code orgUnit} show only those. Changes: administrators, for their own unit and the
 * units below ({@link PlanAccess}).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.CASE_WORKER, Roles.DIRECTOR, Roles.STATE_ANALYST, Roles.ADMINISTRATOR})
public class PlanEntityResource {
    private final WorkPlanService plans;
    private final CurrentUser caller;

    public PlanEntityResource(WorkPlanService plans, CurrentUser caller) {
        this.plans = plans;
        this.caller = caller;
    }

    // ------------------------------------------------------------------ plan

    @POST
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPlan(String body) {
        WorkPlanService.PlanSummary s = plans.createEmpty(parse(body), caller.name(), PlanAccess.mayChange(caller));
        return Response.created(URI.create("/api/v1/work-plans/" + s.id())).entity(s).build();
    }

    // ------------------------------------------------------------------ programs

    @GET
    @Path("/work-plans/{id}/programs")
    public Page<Map<String, Object>> programs(@PathParam("id") String id, @QueryParam("sort") String sort,
                                              @QueryParam("page") @DefaultValue("0") int page,
                                              @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        return listPrograms(read(id), sort, page, size);
    }

    /** Programs of the plan of (orgUnit, fiscalYear): the same list found by org unit and year. */
    @GET
    @Path("/programs")
    public Page<Map<String, Object>> programsOf(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                                                @QueryParam("sort") String sort,
                                                @QueryParam("page") @DefaultValue("0") int page,
                                                @QueryParam("size") @DefaultValue("50") int size) {
        requirePlanKey(orgUnit, year);
        PlanAccess.requireReadable(caller, orgUnit);
        Page.check(page, size);
        return listPrograms(plans.read(plans.planId(orgUnit, year), PlanAccess.mayRead(caller)), sort, page, size);
    }

    @POST
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/programs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createProgram(@PathParam("id") String id, String body, @Context HttpHeaders headers) {
        JsonNode in = parse(body);
        EditResult r = change(id, headers, doc -> PlanEdits.addProgram(doc, in));
        String code = in.path("code").asText();
        return created(r, location("/api/v1/work-plans/{id}/programs/{code}", r, code), program(r, code));
    }

    @GET
    @Path("/work-plans/{id}/programs/{code}")
    public Response getProgram(@PathParam("id") String id, @PathParam("code") String code) {
        EditResult r = read(id);
        return Response.ok(WorkPlanService.json(program(r, code)), MediaType.APPLICATION_JSON).tag(etag(r)).build();
    }

    @PUT
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/programs/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replaceProgram(@PathParam("id") String id, @PathParam("code") String code, String body,
                                   @Context HttpHeaders headers) {
        JsonNode in = parse(body);
        EditResult r = change(id, headers, doc -> PlanEdits.replaceProgram(doc, code, in));
        return ok(r, program(r, code));
    }

    @DELETE
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/programs/{code}")
    public Response deleteProgram(@PathParam("id") String id, @PathParam("code") String code, @Context HttpHeaders headers) {
        return deleted(change(id, headers, doc -> PlanEdits.deleteProgram(doc, code)));
    }

    // ------------------------------------------------------------------ actions

    @GET
    @Path("/work-plans/{id}/programs/{code}/actions")
    public Page<Map<String, Object>> actions(@PathParam("id") String id, @PathParam("code") String code,
                                             @QueryParam("sort") String sort,
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        EditResult r = read(id);
        PlanEdits.program(r.document(), code);
        return listActions(r, code, sort, page, size);
    }

    /** Actions of the plan of (orgUnit, fiscalYear), optionally of one program. */
    @GET
    @Path("/actions")
    public Page<Map<String, Object>> actionsOf(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                                               @QueryParam("program") String program, @QueryParam("sort") String sort,
                                               @QueryParam("page") @DefaultValue("0") int page,
                                               @QueryParam("size") @DefaultValue("50") int size) {
        requirePlanKey(orgUnit, year);
        PlanAccess.requireReadable(caller, orgUnit);
        Page.check(page, size);
        EditResult r = plans.read(plans.planId(orgUnit, year), PlanAccess.mayRead(caller));
        if (program != null) {
            PlanEdits.program(r.document(), program);
        }
        return listActions(r, program, sort, page, size);
    }

    @POST
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/programs/{code}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createAction(@PathParam("id") String id, @PathParam("code") String programCode, String body,
                                 @Context HttpHeaders headers) {
        JsonNode in = parse(body);
        EditResult r = change(id, headers, doc -> PlanEdits.addAction(doc, programCode, in));
        String code = in.path("code").asText();
        return created(r, location("/api/v1/work-plans/{id}/actions/{code}", r, code), action(r, code));
    }

    @GET
    @Path("/work-plans/{id}/actions/{code}")
    public Response getAction(@PathParam("id") String id, @PathParam("code") String code) {
        EditResult r = read(id);
        return Response.ok(WorkPlanService.json(action(r, code)), MediaType.APPLICATION_JSON).tag(etag(r)).build();
    }

    @PUT
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/actions/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replaceAction(@PathParam("id") String id, @PathParam("code") String code, String body,
                                  @Context HttpHeaders headers) {
        JsonNode in = parse(body);
        EditResult r = change(id, headers, doc -> PlanEdits.replaceAction(doc, code, in));
        return ok(r, action(r, code));
    }

    @DELETE
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/actions/{code}")
    public Response deleteAction(@PathParam("id") String id, @PathParam("code") String code, @Context HttpHeaders headers) {
        return deleted(change(id, headers, doc -> PlanEdits.deleteAction(doc, code)));
    }

    // ------------------------------------------------------------------ targets

    @GET
    @Path("/work-plans/{id}/actions/{code}/targets")
    public Page<Map<String, Object>> targets(@PathParam("id") String id, @PathParam("code") String code,
                                             @QueryParam("sort") String sort,
                                             @QueryParam("page") @DefaultValue("0") int page,
                                             @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        EditResult r = read(id);
        PlanEdits.Loc al = PlanEdits.action(r.document(), code);
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode t : PlanEdits.at(r.document(), al).path("targets")) {
            items.add(toMap(withContext(r, (ObjectNode) t, al)));
        }
        return page(items, sort, Map.of("indicatorCode", textKey("indicatorCode"), "target", numberKey("target"),
                "unit", textKey("unit")), page, size);
    }

    /** Targets of every plan: filters orgUnit, fiscalYear, program, action, caseMetric; sort e.g. {@code -annualTarget}. */
    @GET
    @Path("/targets")
    public Page<WorkPlanService.TargetRow> searchTargets(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                                                         @QueryParam("program") String program, @QueryParam("action") String action,
                                                         @QueryParam("caseMetric") String caseMetric, @QueryParam("sort") String sort,
                                                         @QueryParam("page") @DefaultValue("0") int page,
                                                         @QueryParam("size") @DefaultValue("50") int size) {
        PlanAccess.requireReadable(caller, orgUnit);
        return plans.searchTargets(blank(orgUnit), year, blank(program), blank(action), blank(caseMetric),
                PlanAccess.visible(caller), sort, page, size);
    }

    @POST
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/actions/{code}/targets")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createTarget(@PathParam("id") String id, @PathParam("code") String actionCode, String body,
                                 @Context HttpHeaders headers) {
        JsonNode in = parse(body);
        EditResult r = change(id, headers, doc -> PlanEdits.addTarget(doc, actionCode, in));
        String code = in.path("indicatorCode").asText();
        return created(r, location("/api/v1/work-plans/{id}/targets/{code}", r, code), target(r, code));
    }

    @GET
    @Path("/work-plans/{id}/targets/{code}")
    public Response getTarget(@PathParam("id") String id, @PathParam("code") String code) {
        EditResult r = read(id);
        return Response.ok(WorkPlanService.json(target(r, code)), MediaType.APPLICATION_JSON).tag(etag(r)).build();
    }

    @PUT
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/targets/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replaceTarget(@PathParam("id") String id, @PathParam("code") String code, String body,
                                  @Context HttpHeaders headers) {
        JsonNode in = parse(body);
        EditResult r = change(id, headers, doc -> PlanEdits.replaceTarget(doc, code, in));
        return ok(r, target(r, code));
    }

    @DELETE
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/targets/{code}")
    public Response deleteTarget(@PathParam("id") String id, @PathParam("code") String code, @Context HttpHeaders headers) {
        return deleted(change(id, headers, doc -> PlanEdits.deleteTarget(doc, code)));
    }

    // ------------------------------------------------------------------ representation

    private static ObjectNode program(EditResult r, String code) {
        PlanEdits.Loc l = PlanEdits.program(r.document(), code);
        return withContext(r, PlanEdits.at(r.document(), l), l);
    }

    private static ObjectNode action(EditResult r, String code) {
        PlanEdits.Loc l = PlanEdits.action(r.document(), code);
        return withContext(r, PlanEdits.at(r.document(), l), l);
    }

    private static ObjectNode target(EditResult r, String code) {
        PlanEdits.Loc l = PlanEdits.target(r.document(), code);
        return withContext(r, PlanEdits.at(r.document(), l), l);
    }

    /** The entity as stored, preceded by the read-only context fields ({@link PlanEdits#CONTEXT_FIELDS}). */
    private static ObjectNode withContext(EditResult r, ObjectNode entity, PlanEdits.Loc l) {
        ObjectNode out = EventJson.MAPPER.createObjectNode();
        out.put("planId", r.planId().toString());
        out.put("orgUnit", r.orgUnit());
        out.put("fiscalYear", r.fiscalYear());
        out.put("planStatus", r.status());
        out.put("planRevision", r.revision());
        if (l.action() >= 0) {
            out.put("programCode", PlanEdits.at(r.document(), new PlanEdits.Loc(l.program(), -1, -1)).path("code").asText());
        }
        if (l.target() >= 0) {
            out.put("actionCode", PlanEdits.at(r.document(), new PlanEdits.Loc(l.program(), l.action(), -1)).path("code").asText());
        }
        out.setAll(entity);
        return out;
    }

    private static Page<Map<String, Object>> listPrograms(EditResult r, String sort, int page, int size) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode p : r.document().path("programs")) {
            int targets = 0;
            for (JsonNode a : p.path("actions")) {
                targets += a.path("targets").size();
            }
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("planId", r.planId());
            m.put("code", p.path("code").asText(null));
            m.put("name", p.path("name").asText(null));
            m.put("calendarMonths", p.path("calendarMonths"));
            m.put("investment", p.get("investment"));
            m.put("actionCount", p.path("actions").size());
            m.put("targetCount", targets);
            items.add(m);
        }
        return page(items, sort, Map.of("code", textKey("code"), "name", textKey("name"), "targetCount", numberKey("targetCount")),
                page, size);
    }

    private static Page<Map<String, Object>> listActions(EditResult r, String program, String sort, int page, int size) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode p : r.document().path("programs")) {
            if (program != null && !program.equals(p.path("code").asText())) {
                continue;
            }
            for (JsonNode a : p.path("actions")) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("planId", r.planId());
                m.put("programCode", p.path("code").asText(null));
                m.put("code", a.path("code").asText(null));
                m.put("description", a.path("description").asText(null));
                m.put("targetCount", a.path("targets").size());
                items.add(m);
            }
        }
        return page(items, sort, Map.of("code", textKey("code"), "programCode", textKey("programCode"),
                "targetCount", numberKey("targetCount")), page, size);
    }

    private static Function<Map<String, Object>, Comparable<?>> textKey(String f) {
        return m -> {
            Object v = m.get(f);
            return v instanceof JsonNode n ? n.asText("") : v == null ? "" : v.toString();
        };
    }

    private static Function<Map<String, Object>, Comparable<?>> numberKey(String f) {
        return m -> {
            Object v = m.get(f);
            if (v instanceof JsonNode n) {
                return n.isNumber() ? n.decimalValue() : java.math.BigDecimal.ZERO;
            }
            return v instanceof Number x ? new java.math.BigDecimal(x.toString()) : java.math.BigDecimal.ZERO;
        };
    }

    /** In-document lists: sorted (stable, document order otherwise) by whitelisted keys, then paged. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Page<Map<String, Object>> page(List<Map<String, Object>> items, String sort,
                                          Map<String, Function<Map<String, Object>, Comparable<?>>> keys, int page, int size) {
        if (sort != null && !sort.isBlank()) {
            Comparator<Map<String, Object>> cmp = null;
            for (String part : sort.split(",")) {
                String key = part.trim();
                boolean desc = key.startsWith("-");
                Function<Map<String, Object>, Comparable<?>> k = keys.get(desc ? key.substring(1) : key);
                if (k == null) {
                    throw ProblemException.badRequest("No se puede ordenar por '" + key + "'. Use " + String.join(", ",
                            new java.util.TreeSet<>(keys.keySet())) + " (con '-' delante para orden descendente).");
                }
                Comparator<Map<String, Object>> c = Comparator.comparing(m -> (Comparable) k.apply(m));
                c = desc ? c.reversed() : c;
                cmp = cmp == null ? c : cmp.thenComparing(c);
            }
            items = new ArrayList<>(items);
            items.sort(cmp);
        }
        long from = Math.min((long) page * size, items.size());
        long to = Math.min(from + size, items.size());
        return new Page<>(items.subList((int) from, (int) to), page, size, items.size());
    }

    private static Map<String, Object> toMap(ObjectNode n) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    // ------------------------------------------------------------------ plumbing

    /** The plan for a read, refused (403) when its unit is not in line with the caller's. */
    private EditResult read(String id) {
        return plans.read(uuid(id), PlanAccess.mayRead(caller));
    }

    /** One change of the plan by the caller, refused (403) unless the caller is an administrator of its unit or above. */
    private EditResult change(String id, HttpHeaders headers, WorkPlanService.PlanEdit edit) {
        return plans.edit(uuid(id), ifMatch(headers), caller.name(), PlanAccess.mayChange(caller), edit);
    }

    private static URI location(String template, EditResult r, String code) {
        return jakarta.ws.rs.core.UriBuilder.fromPath(template).build(r.planId(), code);
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

    private static Response created(EditResult r, URI location, ObjectNode entity) {
        return Response.created(location).entity(WorkPlanService.json(entity)).type(MediaType.APPLICATION_JSON)
                .header("X-Plan-Revision", r.revision()).header("X-Plan-Changed", r.changed()).tag(etag(r)).build();
    }

    private static jakarta.ws.rs.core.EntityTag etag(EditResult r) {
        return new jakarta.ws.rs.core.EntityTag(String.valueOf(r.revision()));
    }

    private static Response ok(EditResult r, ObjectNode entity) {
        return Response.ok(WorkPlanService.json(entity), MediaType.APPLICATION_JSON)
                .header("X-Plan-Revision", r.revision()).header("X-Plan-Changed", r.changed()).tag(etag(r)).build();
    }

    private static Response deleted(EditResult r) {
        return Response.noContent().header("X-Plan-Revision", r.revision()).header("X-Plan-Changed", r.changed()).tag(etag(r)).build();
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("El cuerpo está vacío: envíe un objeto JSON.");
        }
        try {
            return EventJson.MAPPER.readTree(body);
        } catch (Exception e) {
            throw ProblemException.badRequest("El cuerpo no es JSON válido. Revise comas, comillas y llaves.");
        }
    }

    private static void requirePlanKey(String orgUnit, Integer year) {
        if (orgUnit == null || orgUnit.isBlank() || year == null) {
            throw ProblemException.badRequest("Indique orgUnit y fiscalYear, p. ej. ?orgUnit=10005&fiscalYear=2021.");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No existe el plan '" + id + "' (el id debe ser un UUID).");
        }
    }
}
