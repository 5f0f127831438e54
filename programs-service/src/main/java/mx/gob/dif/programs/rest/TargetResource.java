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
import mx.gob.dif.events.EventJson;
import mx.gob.dif.programs.domain.PlanEdits;
import mx.gob.dif.programs.persistence.PlanSearch;
import mx.gob.dif.programs.persistence.TargetRow;
import mx.gob.dif.programs.service.EditResult;
import mx.gob.dif.programs.service.PlanEditService;
import mx.gob.dif.programs.service.PlanReadService;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The targets of a work plan: addressed by indicator code under the plan (unique in a plan), created
 * and listed under their action; and the search of targets across plans.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.CASE_WORKER, Roles.DIRECTOR, Roles.STATE_ANALYST, Roles.ADMINISTRATOR})
public class TargetResource {
    private static final Map<String, Comparator<TargetBody>> SORT = Map.of(
            "indicatorCode", Comparator.comparing(t -> t.indicatorCode() == null ? "" : t.indicatorCode()),
            "target", Comparator.comparing(t -> t.target() != null && t.target().isNumber() ? t.target().decimalValue() : BigDecimal.ZERO),
            "unit", Comparator.comparing(t -> t.unit() == null ? "" : t.unit()));
    private final PlanEditService plans;
    private final PlanReadService reads;

    public TargetResource(PlanEditService plans, PlanReadService reads) {
        this.plans = plans;
        this.reads = reads;
    }

    @GET
    @Path("/work-plans/{id}/actions/{code}/targets")
    public Page<TargetBody> targets(@PathParam("id") String id, @PathParam("code") String code, @QueryParam("sort") String sort,
                                    @QueryParam("page") @DefaultValue("0") int page,
                                    @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        EditResult r = plans.read(PlanHttp.uuid(id));
        PlanEdits.Loc al = PlanEdits.action(r.document(), code);
        List<TargetBody> items = new ArrayList<>();
        JsonNode targets = PlanEdits.at(r.document(), al).path("targets");
        for (int t = 0; t < targets.size(); t++) {
            items.add(EventJson.MAPPER.convertValue(EntityViews.withContext(r, new PlanEdits.Loc(al.program(), al.action(), t)),
                    TargetBody.class));
        }
        return InDocumentPage.of(items, sort, SORT, page, size);
    }

    /** Targets of every plan: filters orgUnit, fiscalYear, program, action, caseMetric; sort e.g. {@code -annualTarget}. */
    @GET
    @Path("/targets")
    public Page<TargetRow> search(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                                  @QueryParam("program") String program, @QueryParam("action") String action,
                                  @QueryParam("caseMetric") String caseMetric, @QueryParam("sort") String sort,
                                  @QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("50") int size) {
        return reads.searchTargets(new PlanSearch.TargetFilter(PlanHttp.blank(orgUnit), year, PlanHttp.blank(program),
                PlanHttp.blank(action), PlanHttp.blank(caseMetric)), sort, page, size);
    }

    @POST
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/actions/{code}/targets")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TargetBody.class)))
    public Response create(@PathParam("id") String id, @PathParam("code") String actionCode, @Valid TargetBody body,
                           @QueryParam("amendment") String amendment, @Context HttpHeaders headers) {
        JsonNode in = EntityViews.json(body);
        EditResult r = plans.edit(PlanHttp.uuid(id), PlanHttp.ifMatch(headers), amendment, doc -> PlanEdits.addTarget(doc, actionCode, in));
        String code = in.path("indicatorCode").asText();
        return PlanHttp.created(r, PlanHttp.location("/api/v1/work-plans/{id}/targets/{code}", r, code), EntityViews.target(r, code));
    }

    @GET
    @Path("/work-plans/{id}/targets/{code}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TargetBody.class)))
    public Response get(@PathParam("id") String id, @PathParam("code") String code) {
        EditResult r = plans.read(PlanHttp.uuid(id));
        return PlanHttp.read(r, EntityViews.target(r, code));
    }

    @PUT
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans/{id}/targets/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TargetBody.class)))
    public Response replace(@PathParam("id") String id, @PathParam("code") String code, @Valid TargetBody body,
                            @QueryParam("amendment") String amendment, @Context HttpHeaders headers) {
        JsonNode in = EntityViews.json(body);
        EditResult r = plans.edit(PlanHttp.uuid(id), PlanHttp.ifMatch(headers), amendment, doc -> PlanEdits.replaceTarget(doc, code, in));
        return PlanHttp.ok(r, EntityViews.target(r, code));
    }

    @DELETE
    @RolesAllowed(Roles.ADMINISTRATOR)
    @APIResponse(responseCode = "204", description = "Eliminado; X-Plan-Revision y X-Plan-Changed dicen la revisión del plan")
    @Path("/work-plans/{id}/targets/{code}")
    public Response delete(@PathParam("id") String id, @PathParam("code") String code, @QueryParam("amendment") String amendment,
                           @Context HttpHeaders headers) {
        return PlanHttp.deleted(plans.edit(PlanHttp.uuid(id), PlanHttp.ifMatch(headers), amendment, doc -> PlanEdits.deleteTarget(doc, code)));
    }
}
