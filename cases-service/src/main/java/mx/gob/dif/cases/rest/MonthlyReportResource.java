package mx.gob.dif.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.cases.api.MonthlyDelivery;
import mx.gob.dif.cases.api.MonthlyDeliveryRequest;
import mx.gob.dif.cases.api.MonthlyReportSummary;
import mx.gob.dif.cases.documents.MonthlyReport;
import mx.gob.dif.cases.service.MonthlyReports;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Locale;

/**
 * The Informe Mensual: JSON, CSV ({@code Accept: text/csv} or {@code format=csv}) or PDF. It lists
 * cases one by one (folio, category, worker), so it is for case workers and directors of the unit.
 */
@Path("/api/v1/reports/monthly")
@RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
public class MonthlyReportResource {
    private static final String CSV = "text/csv";
    private static final String PDF = "application/pdf";

    private final MonthlyReports reports;

    public MonthlyReportResource(MonthlyReports reports) {
        this.reports = reports;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV, PDF})
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthlyReportSummary.class)),
            @Content(mediaType = CSV), @Content(mediaType = PDF)})
    public Response get(@QueryParam("orgUnit") String orgUnit, @QueryParam("month") String month,
                        @QueryParam("format") String format, @Context HttpHeaders headers) {
        String wanted = format != null ? format.toLowerCase(Locale.ROOT)
                : headers.getAcceptableMediaTypes().stream().map(t -> t.getSubtype().toLowerCase(Locale.ROOT))
                .filter(s -> s.equals("csv") || s.equals("pdf") || s.equals("json")).findFirst().orElse("json");
        return switch (wanted) {
            case "csv" -> {
                MonthlyReport doc = reports.document(orgUnit, month);
                yield file(doc.toCsv(), "text/csv; charset=UTF-8", "attachment", orgUnit, doc, "csv");
            }
            case "pdf" -> {
                MonthlyReport doc = reports.document(orgUnit, month);
                yield file(doc.toPdf(), PDF, "inline", orgUnit, doc, "pdf");
            }
            case "json" -> Response.ok(reports.summary(orgUnit, month), MediaType.APPLICATION_JSON).build();
            default -> {
                reports.month(orgUnit, month); // a refused unit or a bad month is said first, as for the known formats
                throw ProblemException.badRequest("Formato '" + format + "' no disponible: use json, csv o pdf.");
            }
        };
    }

    private static Response file(byte[] body, String type, String disposition, String orgUnit, MonthlyReport doc, String extension) {
        return Response.ok(body, type).header("Content-Disposition", disposition + "; filename=\"informe-mensual-" + orgUnit
                + "-" + doc.month() + "." + extension + "\"").build();
    }

    /** Records that the month's report was delivered to the Governor's office (on time or not). */
    @POST
    @Path("/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MonthlyDelivery.class)))
    public Response deliver(@Valid MonthlyDeliveryRequest in) {
        return Response.status(201).entity(reports.deliver(in)).build();
    }
}
