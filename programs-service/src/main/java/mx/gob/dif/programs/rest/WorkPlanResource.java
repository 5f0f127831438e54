package mx.gob.dif.programs.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.programs.service.PlanCsv;
import mx.gob.dif.programs.service.PlanSpreadsheet;
import mx.gob.dif.programs.service.WorkPlanService;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whole work plans. Read by every role but integrators, for plans of the caller's unit, the units
 * below and the units above ({@link PlanAccess}); imported and approved by administrators for their
 * own unit and the units below.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.CASE_WORKER, Roles.DIRECTOR, Roles.STATE_ANALYST, Roles.ADMINISTRATOR})
public class WorkPlanResource {
    private final WorkPlanService plans;
    private final CurrentUser caller;

    public WorkPlanResource(WorkPlanService plans, CurrentUser caller) {
        this.plans = plans;
        this.caller = caller;
    }

    /** Imports a plan in the format of the PAT JSON file; idempotent (201 new, 200 updated or unchanged). */
    @POST
    @Path("/work-plans/import")
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importPlan(String body, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) throws Exception {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("El cuerpo está vacío: envíe el plan en JSON.");
        }
        JsonNode node = EventJson.MAPPER.readTree(body);
        if (!(node instanceof ObjectNode plan)) {
            throw ProblemException.badRequest("El plan debe ser un objeto JSON con orgUnit, fiscalYear y programs.");
        }
        WorkPlanService.ImportResult r = plans.importPlan(plan, dryRun, caller.name(), PlanAccess.mayChange(caller));
        return Response.status(r.created() && !r.dryRun() ? 201 : 200).entity(r).build();
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The same import from the spreadsheet officers keep (sheets Plan, Programas, Metas, …). */
    @POST
    @Path("/work-plans/import")
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Consumes(XLSX)
    public Response importSpreadsheet(byte[] body, @QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                                      @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("El archivo está vacío.");
        }
        ObjectNode plan = PlanSpreadsheet.read(body, orgUnit, year);
        WorkPlanService.ImportResult r = plans.importPlan(plan, dryRun, caller.name(), PlanAccess.mayChange(caller));
        return Response.status(r.created() && !r.dryRun() ? 201 : 200).entity(r).build();
    }

    @GET
    @Path("/work-plans")
    public Page<WorkPlanService.PlanSummary> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                                                  @QueryParam("page") @DefaultValue("0") int page,
                                                  @QueryParam("size") @DefaultValue("50") int size) {
        PlanAccess.requireReadable(caller, orgUnit);
        return plans.list(orgUnit, year, PlanAccess.visible(caller), page, size);
    }

    /** The plan's targets table as CSV (one row per target). */
    @POST
    @Path("/work-plans/import")
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Consumes({"text/csv"})
    public Response importCsv(String body, @QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                              @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        ObjectNode plan = PlanCsv.read(body == null ? "" : body, orgUnit, year);
        WorkPlanService.ImportResult r = plans.importPlan(plan, dryRun, caller.name(), PlanAccess.mayChange(caller));
        return Response.status(r.created() && !r.dryRun() ? 201 : 200).entity(r).build();
    }

    /**
     * The plan as imported (JSON, the default) or, with {@code Accept: XLSX} or {@code ?format=xlsx},
     * as the spreadsheet that re-imports to the same plan.
     */
    @GET
    @Path("/work-plans/{id}")
    @Produces({MediaType.APPLICATION_JSON, XLSX, "text/csv"})
    public Response get(@PathParam("id") String id, @HeaderParam("Accept") String accept, @QueryParam("format") String format) {
        ObjectNode plan = plans.get(uuid(id), PlanAccess.mayRead(caller));
        boolean xlsx = "xlsx".equalsIgnoreCase(format) || (accept != null && accept.contains("spreadsheetml"));
        if (xlsx) {
            String name = "pat-" + plan.path("orgUnit").asText() + "-" + plan.path("fiscalYear").asText() + ".xlsx";
            return Response.ok(PlanSpreadsheet.export(plan), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
        }
        if ("csv".equalsIgnoreCase(format) || (accept != null && accept.contains("text/csv"))) {
            return Response.ok(PlanCsv.export(plan), "text/csv; charset=UTF-8").build();
        }
        // serialized with the event mapper: amounts keep exactly the digits they were imported with
        return Response.ok(WorkPlanService.json(plan), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/work-plans/{id}/summary")
    public Map<String, Object> summary(@PathParam("id") String id) {
        return plans.summaryTables(uuid(id), PlanAccess.mayRead(caller));
    }

    @GET
    @Path("/work-plans/{id}/revisions")
    public List<Map<String, Object>> revisions(@PathParam("id") String id) {
        return plans.revisions(uuid(id), PlanAccess.mayRead(caller));
    }

    @POST
    @Path("/work-plans/{id}/approval")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public WorkPlanService.PlanSummary approve(@PathParam("id") String id) {
        return plans.approve(uuid(id), caller.name(), PlanAccess.mayChange(caller));
    }

    @GET
    @Path("/programs/{code}")
    public String program(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
                              @QueryParam("fiscalYear") Integer year) {
        if (orgUnit == null || year == null) {
            throw ProblemException.badRequest("Indique orgUnit y fiscalYear, p. ej. ?orgUnit=10005&fiscalYear=2021.");
        }
        PlanAccess.requireReadable(caller, orgUnit);
        return WorkPlanService.json(plans.program(code, orgUnit, year));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No existe el plan '" + id + "' (el id debe ser un UUID).");
        }
    }
}
