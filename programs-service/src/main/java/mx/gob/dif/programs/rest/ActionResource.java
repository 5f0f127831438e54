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
import mx.gob.dif.programs.rest.PlanListItems.ActionItem;
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
 * The actions of a work plan: addressed by code under the plan (action codes are unique in a plan),
 * created and listed under their program. Changes go through {@link PlanEditService#edit}.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.CASE_WORKER, Roles.DIRECTOR, Roles.STATE_ANALYST, Roles.ADMINISTRATOR})
public class ActionResource {
    private static final Map<String, Comparator<ActionItem>> SORT = Map.of(
            "code", Comparator.comparing(i -> i.code() == null ? "" : i.code()),
            "programCode", Comparator.comparing(i -> i.programCode() == null ? "" : i.programCode()),
            "targetCount", Comparator.comparingInt(ActionItem::targetCount));
    private final PlanEditService plans;

    public ActionResource(PlanEditService plans) {
        this.plans = plans;
    }

    @GET
    @Path("/work-plans/{id}/programs/{code}/actions")
    public Page<ActionItem> actions(@PathParam("id") String id, @PathParam("code") String code, @QueryParam("sort") String sort,
                                    @QueryParam("page") @DefaultValue("0") int page,
                                    @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        EditResult r = plans.read(PlanHttp.uuid(id));
        PlanEdits.program(r.document(), code);
        return list(r, code, sort, page, size);
    }

    /** Actions of the plan of (orgUnit, fiscalYear), optionally of one program. */
    @GET
    @Path("/actions")
    public Page<ActionItem> actionsOf(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                                      @QueryParam("program") String program, @QueryParam("sort") String sort,
                                      @QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("size") @DefaultValue("50") int size) {
        PlanHttp.requirePlanKey(orgUnit, year);
        Page.check(page, size);
        EditResult r = plans.read(orgUnit, year);
        if (program != null) {
            PlanEdits.program(r.document(), program);
        }
        return list(r, program, sort, page, size);
    }

    @POST
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/programs/{code}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ActionBody.class)))
    public Response create(@PathParam("id") String id, @PathParam("code") String programCode, @Valid ActionBody body,
                           @QueryParam("amendment") String amendment, @Context HttpHeaders headers) {
        JsonNode in = EntityViews.json(body);
        EditResult r = plans.edit(PlanHttp.uuid(id), PlanHttp.ifMatch(headers), amendment, doc -> PlanEdits.addAction(doc, programCode, in));
        String code = in.path("code").asText();
        return PlanHttp.created(r, PlanHttp.location("/api/v1/work-plans/{id}/actions/{code}", r, code), EntityViews.action(r, code));
    }

    @GET
    @Path("/work-plans/{id}/actions/{code}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActionBody.class)))
    public Response get(@PathParam("id") String id, @PathParam("code") String code) {
        EditResult r = plans.read(PlanHttp.uuid(id));
        return PlanHttp.read(r, EntityViews.action(r, code));
    }

    @PUT
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/actions/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActionBody.class)))
    public Response replace(@PathParam("id") String id, @PathParam("code") String code, @Valid ActionBody body,
                            @QueryParam("amendment") String amendment, @Context HttpHeaders headers) {
        JsonNode in = EntityViews.json(body);
        EditResult r = plans.edit(PlanHttp.uuid(id), PlanHttp.ifMatch(headers), amendment, doc -> PlanEdits.replaceAction(doc, code, in));
        return PlanHttp.ok(r, EntityViews.action(r, code));
    }

    @DELETE
    @RolesAllowed(Roles.ADMINISTRATOR)
    @APIResponse(responseCode = "204", description = "Eliminado; X-Plan-Revision y X-Plan-Changed dicen la revisión del plan")
    @Path("/work-plans/{id}/actions/{code}")
    public Response delete(@PathParam("id") String id, @PathParam("code") String code, @QueryParam("amendment") String amendment,
                           @Context HttpHeaders headers) {
        return PlanHttp.deleted(plans.edit(PlanHttp.uuid(id), PlanHttp.ifMatch(headers), amendment, doc -> PlanEdits.deleteAction(doc, code)));
    }

    private static Page<ActionItem> list(EditResult r, String program, String sort, int page, int size) {
        List<ActionItem> items = new ArrayList<>();
        for (JsonNode p : r.document().path("programs")) {
            if (program != null && !program.equals(p.path("code").asText())) {
                continue;
            }
            for (JsonNode a : p.path("actions")) {
                items.add(new ActionItem(r.planId(), p.path("code").asText(null), a.path("code").asText(null),
                        a.path("description").asText(null), a.path("targets").size()));
            }
        }
        return InDocumentPage.of(items, sort, SORT, page, size);
    }
}
