package mx.gob.dif.programs.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.events.EventJson;
import mx.gob.dif.programs.persistence.PlanRevision;
import mx.gob.dif.programs.service.ImportResult;
import mx.gob.dif.programs.service.PlanCsv;
import mx.gob.dif.programs.service.PlanDocuments;
import mx.gob.dif.programs.service.PlanEditService;
import mx.gob.dif.programs.service.PlanImportService;
import mx.gob.dif.programs.service.PlanReadService;
import mx.gob.dif.programs.service.PlanSpreadsheet;
import mx.gob.dif.programs.service.PlanSummary;
import mx.gob.dif.programs.service.SummaryTables;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;

/**
 * Whole work plans: imported (JSON, XLSX, CSV), created empty, read, summarized, approved. Read by
 * every role but integrators, changed by administrators; the unit scope is the services'.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.CASE_WORKER, Roles.DIRECTOR, Roles.STATE_ANALYST, Roles.ADMINISTRATOR})
public class WorkPlanResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final PlanImportService imports;
    private final PlanReadService reads;
    private final PlanEditService edits;

    public WorkPlanResource(PlanImportService imports, PlanReadService reads, PlanEditService edits) {
        this.imports = imports;
        this.reads = reads;
        this.edits = edits;
    }

    /**
     * Imports a plan in the format of the PAT JSON file; idempotent (201 new, 200 updated or unchanged).
     * The body is read as a JSON tree, not a record: see {@link PlanDocument} and {@link PlanImportService#importPlan}.
     */
    @POST
    @Path("/work-plans/import")
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    public Response importPlan(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                       schema = @Schema(implementation = PlanDocument.class))) String body,
                               @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                               @QueryParam("amendment") String amendment) throws Exception {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("El cuerpo está vacío: envíe el plan en JSON.");
        }
        JsonNode node = EventJson.MAPPER.readTree(body);
        if (!(node instanceof ObjectNode plan)) {
            throw ProblemException.badRequest("El plan debe ser un objeto JSON con orgUnit, fiscalYear y programs.");
        }
        return imported(imports.importPlan(plan, dryRun, amendment));
    }

    /** The same import from the spreadsheet officers keep (sheets Plan, Programas, Metas, …). */
    @POST
    @Path("/work-plans/import")
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Consumes(XLSX)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    public Response importSpreadsheet(byte[] body, @QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                                      @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                               @QueryParam("amendment") String amendment) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("El archivo está vacío.");
        }
        return imported(imports.importPlan(PlanSpreadsheet.read(body, orgUnit, year), dryRun, amendment));
    }

    /** The plan's targets table as CSV (one row per target). */
    @POST
    @Path("/work-plans/import")
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Consumes({"text/csv"})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    public Response importCsv(String body, @QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                              @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                               @QueryParam("amendment") String amendment) {
        return imported(imports.importPlan(PlanCsv.read(body == null ? "" : body, orgUnit, year), dryRun, amendment));
    }

    /** An empty DRAFT plan for (orgUnit, fiscalYear), to be filled program by program; 409 if the unit has one that year. */
    @POST
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Path("/work-plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PlanSummary.class)))
    public Response create(@Valid NewPlanRequest body) {
        if (body == null) {
            throw ProblemException.badRequest("El cuerpo debe ser un objeto JSON con orgUnit y fiscalYear, p. ej. {\"orgUnit\":\"10005\",\"fiscalYear\":2022}.");
        }
        PlanSummary s = imports.createEmpty(body.command());
        return Response.created(URI.create("/api/v1/work-plans/" + s.id())).entity(s).build();
    }

    @GET
    @Path("/work-plans")
    public Page<PlanSummary> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                                  @QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("50") int size) {
        return reads.list(orgUnit, year, page, size);
    }

    /**
     * The plan as imported (JSON, the default) or, with {@code Accept: XLSX} or {@code ?format=xlsx},
     * as the spreadsheet that re-imports to the same plan; {@code text/csv} or {@code ?format=csv}: its targets table.
     */
    @GET
    @Path("/work-plans/{id}")
    @Produces({MediaType.APPLICATION_JSON, XLSX, "text/csv"})
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanDocument.class)),
            @Content(mediaType = XLSX), @Content(mediaType = "text/csv")})
    public Response get(@PathParam("id") String id, @HeaderParam("Accept") String accept, @QueryParam("format") String format) {
        ObjectNode plan = reads.get(PlanHttp.uuid(id));
        if ("xlsx".equalsIgnoreCase(format) || (accept != null && accept.contains("spreadsheetml"))) {
            String name = "pat-" + plan.path("orgUnit").asText() + "-" + plan.path("fiscalYear").asText() + ".xlsx";
            return Response.ok(PlanSpreadsheet.export(plan), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
        }
        if ("csv".equalsIgnoreCase(format) || (accept != null && accept.contains("text/csv"))) {
            return Response.ok(PlanCsv.export(plan), "text/csv; charset=UTF-8").build();
        }
        // serialized with the event mapper: amounts keep exactly the digits they were imported with
        return Response.ok(PlanDocuments.json(plan), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/work-plans/{id}/summary")
    public SummaryTables summary(@PathParam("id") String id) {
        return reads.summaryTables(PlanHttp.uuid(id));
    }

    @GET
    @Path("/work-plans/{id}/revisions")
    public List<PlanRevision> revisions(@PathParam("id") String id) {
        return reads.revisions(PlanHttp.uuid(id));
    }

    @POST
    @Path("/work-plans/{id}/approval")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public PlanSummary approve(@PathParam("id") String id) {
        return edits.approve(PlanHttp.uuid(id));
    }

    /** One program of the plan of (orgUnit, fiscalYear), complete as imported, with planId, orgUnit and fiscalYear. */
    @GET
    @Path("/programs/{code}")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgramBody.class)))
    public Response program(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
                            @QueryParam("fiscalYear") Integer year) {
        if (orgUnit == null || year == null) {
            throw ProblemException.badRequest("Indique orgUnit y fiscalYear, p. ej. ?orgUnit=10005&fiscalYear=2021.");
        }
        return Response.ok(PlanDocuments.json(reads.program(code, orgUnit, year)), MediaType.APPLICATION_JSON).build();
    }

    private static Response imported(ImportResult r) {
        return Response.status(r.created() && !r.dryRun() ? 201 : 200).entity(r).build();
    }
}
