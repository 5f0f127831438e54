package mx.gob.dif.programs.activity;

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
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.programs.formats.ReportTemplate;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * Activity reports: accept (one or a batch), retract, read back from the ledger. Municipal operators
 * and directors report, retract and read the reports of their own unit and the units below it
 * (docs/SECURITY.md; checked by {@link ActivityService}); a report for another unit is a per-item 422,
 * like any other invalid report. The bodies are read by {@link ActivityJson} (see there why not bound);
 * the same reports also come as a CSV or XLSX file ({@link ActivityFiles}), with a template to download.
 */
@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.DIRECTOR})
public class ActivityResource {
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final ActivityService activities;
    private final ActivityFiles files;

    public ActivityResource(ActivityService activities, ActivityFiles files) {
        this.activities = activities;
        this.files = files;
    }

    /** One report or a list of up to 10,000; 202 once every new report is committed on Kafka (one transaction). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Todos los reportes quedaron registrados",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportsAccepted.class)))
    public Response report(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(oneOf = {ActivityReport.class, ActivityReport[].class}))) InputStream body) throws IOException {
        return Response.accepted(activities.accept(ActivityJson.reports(body))).build();
    }

    /** The same reports as a CSV file, one per row (programs-service README); errors name the row and column. */
    @POST
    @Consumes(CSV)
    @APIResponse(responseCode = "202", description = "Todos los reportes del archivo quedaron registrados",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportsAccepted.class)))
    public Response reportCsv(@RequestBody(required = true, content = @Content(mediaType = CSV,
            schema = @Schema(implementation = ActivityReportFile.class))) byte[] body) {
        return Response.accepted(files.acceptCsv(body)).build();
    }

    /** The same reports as an XLSX workbook (sheet Reportes), one per row; errors name the row and column. */
    @POST
    @Consumes(XLSX)
    @APIResponse(responseCode = "202", description = "Todos los reportes del archivo quedaron registrados",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportsAccepted.class)))
    public Response reportXlsx(@RequestBody(required = true, content = @Content(mediaType = XLSX,
            schema = @Schema(implementation = ActivityReportFile.class))) byte[] body) {
        return Response.accepted(files.acceptXlsx(body)).build();
    }

    /**
     * The file to fill in: its header and one fictitious example; XLSX unless {@code ?format=csv} or an
     * {@code Accept} that asks for CSV and not for XLSX.
     */
    @GET
    @Path("/template")
    @Produces({XLSX, CSV})
    @APIResponse(responseCode = "200", description = "Plantilla de reportes de actividad",
            content = {@Content(mediaType = XLSX, schema = @Schema(implementation = ActivityReportFile.class)),
                    @Content(mediaType = CSV, schema = @Schema(implementation = ActivityReportFile.class))})
    public Response template(@HeaderParam("Accept") String accept, @QueryParam("format") String format) {
        String f = blank(format) ? null : format.trim().toLowerCase(Locale.ROOT);
        if (f != null && !f.equals("csv") && !f.equals("xlsx")) {
            throw ProblemException.badRequest("El parámetro 'format' debe ser csv o xlsx.");
        }
        boolean csv = f != null ? f.equals("csv") : accept != null && accept.contains(CSV) && !accept.contains("spreadsheetml");
        return csv
                ? Response.ok(ReportTemplate.csv(), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"plantilla-reportes.csv\"").build()
                : Response.ok(ReportTemplate.xlsx(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"plantilla-reportes.xlsx\"").build();
    }

    /** Withdraws a report: 202 when withdrawn now, 200 when it already was. */
    @POST
    @Path("/{id}/retraction")
    @APIResponse(responseCode = "202", description = "Reporte retirado",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Activity.class)))
    @APIResponse(responseCode = "200", description = "El reporte ya estaba retirado",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Activity.class)))
    public Response retract(@PathParam("id") String id, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RetractionRequest.class))) InputStream body) throws IOException {
        ActivityService.Retraction r = activities.retract(uuid(id), ActivityJson.retraction(body));
        return Response.status(r.changed() ? 202 : 200).entity(r.activity()).build();
    }

    @GET
    @Path("/{id}")
    public Activity get(@PathParam("id") String id) {
        return activities.get(uuid(id));
    }

    /** Reports of the ledger, by activity date: of one unit (403 out of reach) or of every unit the caller covers. */
    @GET
    public Page<Activity> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("indicator") String indicator,
                               @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("status") String status,
                               @QueryParam("page") @DefaultValue("0") int page,
                               @QueryParam("size") @DefaultValue("50") int size) {
        String st = blank(status) ? null : status.trim().toUpperCase(Locale.ROOT);
        if (st != null && !st.equals("ACTIVE") && !st.equals("RETRACTED")) {
            throw ProblemException.badRequest("El parámetro 'status' debe ser ACTIVE o RETRACTED.");
        }
        return activities.list(new ActivityService.Query(blank(orgUnit) ? null : orgUnit.trim(),
                blank(indicator) ? null : indicator.trim(), date("from", from), date("to", to), st), page, size);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static LocalDate date(String name, String value) {
        try {
            return blank(value) ? null : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("El parámetro '" + name + "' debe ser una fecha AAAA-MM-DD.");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No existe un reporte con id '" + id + "' (los ids son UUID).");
        }
    }
}
