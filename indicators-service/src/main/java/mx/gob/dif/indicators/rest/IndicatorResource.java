package mx.gob.dif.indicators.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.indicators.api.ClosingReport;
import mx.gob.dif.indicators.api.IndicatorBreakdown;
import mx.gob.dif.indicators.api.IndicatorValue;
import mx.gob.dif.indicators.api.OutcomeGoalValue;
import mx.gob.dif.indicators.api.ProcedureReport;
import mx.gob.dif.indicators.api.ProgramBreakdown;
import mx.gob.dif.indicators.api.ProgramProgress;
import mx.gob.dif.indicators.api.RebuildStatus;
import mx.gob.dif.indicators.messaging.Rebuilds;
import mx.gob.dif.indicators.service.BreakdownFormats;
import mx.gob.dif.indicators.service.ClosingReportFormats;
import mx.gob.dif.indicators.service.IndicatorQuery;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/**
 * Indicator values are aggregates, not personal data: every DIF role reads them, each only for its own
 * unit and the units below it (checked by {@link IndicatorQuery}). Integrators read none. Rebuilding
 * the derived tables is for administrators.
 */
@Path("/api/v1")
// integrators too: an agency's system granted org units (the orgUnit attribute of its client) reads their aggregates
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.CASE_WORKER, Roles.DIRECTOR, Roles.STATE_ANALYST, Roles.INTEGRATOR, Roles.ADMINISTRATOR})
public class IndicatorResource {
    static final String XLSX = Downloads.XLSX;
    private final IndicatorQuery query;
    private final Rebuilds rebuilds;

    public IndicatorResource(IndicatorQuery query, Rebuilds rebuilds) {
        this.query = query;
        this.rebuilds = rebuilds;
    }

    /** Procedure PDG-02's performance indicators (ratios with numerator, denominator, percent) and plain case counts. */
    @GET
    @Path("/indicators/procedure")
    @Produces(MediaType.APPLICATION_JSON)
    public ProcedureReport procedure(@QueryParam("orgUnit") String orgUnit, @QueryParam("period") String period) {
        return query.procedure(orgUnit, period);
    }

    @GET
    @Path("/indicators/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    public IndicatorValue indicator(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
                                    @QueryParam("period") String period) {
        return query.indicator(code, orgUnit, period);
    }

    @GET
    @Path("/programs/{code}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public ProgramProgress progress(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
                                    @QueryParam("period") String period) {
        return query.programProgress(code, orgUnit, period);
    }

    /** The outcome goals (metas de intervención) that apply to a unit in a year, with their ratios over the year. */
    @GET
    @Path("/outcome-goals")
    @Produces(MediaType.APPLICATION_JSON)
    public List<OutcomeGoalValue> outcomeGoals(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer fiscalYear,
                                               @QueryParam("program") String program) {
        return query.outcomeGoals(orgUnit, fiscalYear, program);
    }

    /** One outcome goal of a unit over a period: numerator / denominator × 100 of the unit's (rolled-up) values. */
    @GET
    @Path("/outcome-goals/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    public OutcomeGoalValue outcomeGoal(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
                                        @QueryParam("period") String period) {
        return query.outcomeGoal(code, orgUnit, period);
    }

    /** JSON, or CSV / XLSX by Accept or ?format=csv|xlsx. */
    @GET
    @Path("/reports/closing")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    @APIResponse(responseCode = "200", description = "El reporte de cierre",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClosingReport.class)))
    public Response closing(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                            @HeaderParam("Accept") String accept, @QueryParam("format") String format) {
        ClosingReport report = query.closing(orgUnit, year);
        return Downloads.of(report, () -> ClosingReportFormats.csv(report), () -> ClosingReportFormats.xlsx(report),
                "cierre-" + orgUnit + "-" + year, accept, format);
    }

    /** One row per direct child unit and one for the unit's own reports; JSON, or CSV / XLSX by Accept or ?format=csv|xlsx. */
    @GET
    @Path("/indicators/{code}/breakdown")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    @APIResponse(responseCode = "200", description = "El indicador desglosado por unidad",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorBreakdown.class)))
    public Response breakdown(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit, @QueryParam("period") String period,
                              @HeaderParam("Accept") String accept, @QueryParam("format") String format) {
        IndicatorBreakdown b = query.breakdown(code, orgUnit, period);
        return Downloads.of(b, () -> BreakdownFormats.csv(b), () -> BreakdownFormats.xlsx(b),
                "desglose-" + b.indicator() + "-" + orgUnit + "-" + b.period(), accept, format);
    }

    /** The program's progress per direct child unit and the unit's own reports; JSON, CSV or XLSX as the breakdown above. */
    @GET
    @Path("/programs/{code}/progress/breakdown")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    @APIResponse(responseCode = "200", description = "El avance del programa desglosado por unidad",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgramBreakdown.class)))
    public Response progressBreakdown(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
                                      @QueryParam("period") String period, @HeaderParam("Accept") String accept,
                                      @QueryParam("format") String format) {
        ProgramBreakdown b = query.programBreakdown(code, orgUnit, period);
        return Downloads.of(b, () -> BreakdownFormats.csv(b), () -> BreakdownFormats.xlsx(b),
                "desglose-" + b.program() + "-" + orgUnit + "-" + b.period(), accept, format);
    }

    /** Drops the derived tables and replays the activity and case logs from Kafka, on every instance of the service. */
    @POST
    @Path("/admin/rebuild")
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "202", description = "Reconstrucción solicitada",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildStatus.class)))
    public Response rebuild() throws Exception {
        return Response.accepted(rebuilds.request()).build();
    }

    @GET
    @Path("/admin/rebuild")
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Produces(MediaType.APPLICATION_JSON)
    public RebuildStatus rebuildStatus() throws java.sql.SQLException {
        return rebuilds.status();
    }
}
