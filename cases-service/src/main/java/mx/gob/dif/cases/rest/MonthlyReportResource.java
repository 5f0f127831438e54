package mx.gob.dif.cases.rest;

import jakarta.annotation.security.RolesAllowed;
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
import mx.gob.dif.cases.documents.MonthlyReport;
import mx.gob.dif.cases.service.MonthlyReports;
import mx.gob.dif.cases.service.OrgUnits;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.Roles;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The Informe Mensual: JSON, CSV ({@code Accept: text/csv} or {@code format=csv}) or PDF. It lists
 * cases one by one (folio, category, worker), so it is for case workers and directors of the unit.
 */
@Path("/api/v1/reports/monthly")
@RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
public class MonthlyReportResource {
    private final MonthlyReports reports;
    private final OrgUnits orgUnits;
    private final CaseAccess access;

    public MonthlyReportResource(MonthlyReports reports, OrgUnits orgUnits, CaseAccess access) {
        this.reports = reports;
        this.orgUnits = orgUnits;
        this.access = access;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv", "application/pdf"})
    public Response get(@QueryParam("orgUnit") String orgUnit, @QueryParam("month") String month,
                        @QueryParam("format") String format, @Context HttpHeaders headers) {
        if (orgUnit != null && !orgUnit.isBlank()) {
            access.unit(orgUnit);
        }
        YearMonth m = MonthlyReports.month(month);
        String wanted = format != null ? format.toLowerCase(java.util.Locale.ROOT)
                : headers.getAcceptableMediaTypes().stream().map(t -> t.getSubtype().toLowerCase(java.util.Locale.ROOT))
                .filter(s -> s.equals("csv") || s.equals("pdf") || s.equals("json")).findFirst().orElse("json");
        String file = "informe-mensual-" + orgUnit + "-" + m;
        return switch (wanted) {
            case "csv" -> Response.ok(doc(orgUnit, m).toCsv(), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"").build();
            case "pdf" -> Response.ok(doc(orgUnit, m).toPdf(), "application/pdf")
                    .header("Content-Disposition", "inline; filename=\"" + file + ".pdf\"").build();
            case "json" -> Response.ok(reports.json(orgUnit, m), MediaType.APPLICATION_JSON).build();
            default -> throw ProblemException.badRequest("Formato '" + format + "' no disponible: use json, csv o pdf.");
        };
    }

    private MonthlyReport doc(String orgUnit, YearMonth m) {
        return reports.document(orgUnit, m, orgUnits.unitTitle(orgUnit));
    }

    /** Records that the month's report was delivered to the Governor's office (on time or not). */
    @POST
    @Path("/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response deliver(Dtos.MonthlyDeliveryInput in) {
        if (in == null) {
            throw ProblemException.badRequest("Envíe orgUnit, month (AAAA-MM) y, si no es hoy, deliveredOn.");
        }
        access.unitInBody(in.orgUnit());
        LocalDate on;
        try {
            on = in.deliveredOn() == null || in.deliveredOn().isBlank() ? null : LocalDate.parse(in.deliveredOn().trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("'deliveredOn' debe ser una fecha AAAA-MM-DD.");
        }
        Map<String, Object> d = reports.deliver(in.orgUnit(), MonthlyReports.month(in.month()), on, access.actor());
        return Response.status(201).entity(d).build();
    }
}
