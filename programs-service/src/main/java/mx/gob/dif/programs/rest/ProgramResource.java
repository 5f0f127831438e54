package mx.gob.dif.programs.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.programs.domain.PlanEdits;
import mx.gob.dif.programs.rest.PlanListItems.ProgramItem;
import mx.gob.dif.programs.service.EditResult;
import mx.gob.dif.programs.service.PlanEditService;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The programs of a work plan, one at a time. Every change goes through {@link PlanEditService#edit}:
 * the same validation, revisions and catalog events as an import. Reads: every role but
 * integrators; changes: administrators; the unit scope is the service's ({@code PlanScope}).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.CASE_WORKER, Roles.DIRECTOR, Roles.STATE_ANALYST, Roles.ADMINISTRATOR})
public class ProgramResource {
    private static final Map<String, Comparator<ProgramItem>> SORT = Map.of(
            "code", Comparator.comparing(i -> i.code() == null ? "" : i.code()),
            "name", Comparator.comparing(i -> i.name() == null ? "" : i.name()),
            "targetCount", Comparator.comparingInt(ProgramItem::targetCount));
    private final PlanEditService plans;

    public ProgramResource(PlanEditService plans) {
        this.plans = plans;
    }

    @GET
    @Path("/work-plans/{id}/programs")
    public Page<ProgramItem> programs(@PathParam("id") String id, @QueryParam("sort") String sort,
                                      @QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        return list(plans.read(PlanHttp.uuid(id)), sort, page, size);
    }

    /** Programs of the plan of (orgUnit, fiscalYear): the same list found by org unit and year. */
    @GET
    @Path("/programs")
    public Page<ProgramItem> programsOf(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                                        @QueryParam("sort") String sort,
                                        @QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("size") @DefaultValue("50") int size) {
        PlanHttp.requirePlanKey(orgUnit, year);
        Page.check(page, size);
        return list(plans.read(orgUnit, year), sort, page, size);
    }

    @POST
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/programs")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ProgramBody.class)))
    public Response create(@PathParam("id") String id, @Valid ProgramBody body, @QueryParam("amendment") String amendment,
                           @Context HttpHeaders headers) {
        JsonNode in = EntityViews.json(body);
        EditResult r = plans.edit(PlanHttp.uuid(id), PlanHttp.ifMatch(headers), amendment, doc -> PlanEdits.addProgram(doc, in));
        String code = in.path("code").asText();
        return PlanHttp.created(r, PlanHttp.location("/api/v1/work-plans/{id}/programs/{code}", r, code), EntityViews.program(r, code));
    }

    @GET
    @Path("/work-plans/{id}/programs/{code}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProgramBody.class)))
    public Response get(@PathParam("id") String id, @PathParam("code") String code) {
        EditResult r = plans.read(PlanHttp.uuid(id));
        return PlanHttp.read(r, EntityViews.program(r, code));
    }

    @PUT
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/programs/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProgramBody.class)))
    public Response replace(@PathParam("id") String id, @PathParam("code") String code, @Valid ProgramBody body,
                            @QueryParam("amendment") String amendment, @Context HttpHeaders headers) {
        JsonNode in = EntityViews.json(body);
        EditResult r = plans.edit(PlanHttp.uuid(id), PlanHttp.ifMatch(headers), amendment, doc -> PlanEdits.replaceProgram(doc, code, in));
        return PlanHttp.ok(r, EntityViews.program(r, code));
    }

    @DELETE
    @RolesAllowed(Roles.ADMINISTRATOR)
    @APIResponse(responseCode = "204", description = "Eliminado; X-Plan-Revision y X-Plan-Changed dicen la revisión del plan")
    @Path("/work-plans/{id}/programs/{code}")
    public Response delete(@PathParam("id") String id, @PathParam("code") String code, @QueryParam("amendment") String amendment,
                           @Context HttpHeaders headers) {
        return PlanHttp.deleted(plans.edit(PlanHttp.uuid(id), PlanHttp.ifMatch(headers), amendment, doc -> PlanEdits.deleteProgram(doc, code)));
    }

    private static Page<ProgramItem> list(EditResult r, String sort, int page, int size) {
        List<ProgramItem> items = new ArrayList<>();
        for (JsonNode p : r.document().path("programs")) {
            int targets = 0;
            for (JsonNode a : p.path("actions")) {
                targets += a.path("targets").size();
            }
            List<String> months = p.has("calendarMonths") ? new ArrayList<>() : null;
            p.path("calendarMonths").forEach(m -> months.add(m.asText()));
            items.add(new ProgramItem(r.planId(), p.path("code").asText(null), p.path("name").asText(null), months,
                    p.get("investment"), p.path("actions").size(), targets));
        }
        return InDocumentPage.of(items, sort, SORT, page, size);
    }
}
