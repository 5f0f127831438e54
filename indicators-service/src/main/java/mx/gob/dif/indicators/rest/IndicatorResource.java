package mx.gob.dif.indicators.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.CurrentUser;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.indicators.messaging.Consumers;
import mx.gob.dif.indicators.service.ClosingReportFormats;
import mx.gob.dif.indicators.service.IndicatorQuery;

import java.util.Map;

/**
 * Indicator values are aggregates, not personal data: every DIF role reads them, each only for its own
 * unit and the units below it (a state analyst with unit 10 reads every Durango municipality).
 * Integrators read none. Rebuilding the derived tables is for administrators.
 */
@Path("/api/v1")
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.CASE_WORKER, Roles.DIRECTOR, Roles.STATE_ANALYST, Roles.ADMINISTRATOR})
public class IndicatorResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final IndicatorQuery query;
    private final Consumers consumers;
    private final CurrentUser caller;

    public IndicatorResource(IndicatorQuery query, Consumers consumers, CurrentUser caller) {
        this.query = query;
        this.consumers = consumers;
        this.caller = caller;
    }

    /** A unit outside the caller's reach is refused before anything is read (a missing one is the query's 400). */
    private String inScope(String orgUnit) {
        if (orgUnit != null && !orgUnit.isBlank()) {
            caller.requireUnit(orgUnit.trim());
        }
        return orgUnit;
    }

    /** Procedure PDG-02's performance indicators (ratios with numerator, denominator, percent) and plain case counts. */
    @GET
    @Path("/indicators/procedure")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> procedure(@QueryParam("orgUnit") String orgUnit, @QueryParam("period") String period) {
        return query.procedure(inScope(orgUnit), period);
    }

    @GET
    @Path("/indicators/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    public IndicatorQuery.IndicatorValue indicator(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
                                                   @QueryParam("period") String period) {
        return query.indicator(code, inScope(orgUnit), period);
    }

    @GET
    @Path("/programs/{code}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> progress(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
                                        @QueryParam("period") String period) {
        return query.programProgress(code, inScope(orgUnit), period);
    }

    /** The outcome goals (metas de intervención) that apply to a unit in a year, with their ratios over the year. */
    @GET
    @Path("/outcome-goals")
    @Produces(MediaType.APPLICATION_JSON)
    public java.util.List<IndicatorQuery.OutcomeGoalValue> outcomeGoals(@QueryParam("orgUnit") String orgUnit,
                                                                      @QueryParam("fiscalYear") Integer fiscalYear,
                                                                      @QueryParam("program") String program) {
        return query.outcomeGoals(inScope(orgUnit), fiscalYear, program);
    }

    /** One outcome goal of a unit over a period: numerator / denominator × 100 of the unit's (rolled-up) values. */
    @GET
    @Path("/outcome-goals/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    public IndicatorQuery.OutcomeGoalValue outcomeGoal(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
                                                       @QueryParam("period") String period) {
        return query.outcomeGoal(code, inScope(orgUnit), period);
    }

    @GET
    @Path("/reports/closing")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    public Response closing(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer year,
                            @jakarta.ws.rs.HeaderParam("Accept") String accept, @QueryParam("format") String format) {
        if (year == null) {
            throw ProblemException.badRequest("Indique el año fiscal en 'fiscalYear', p. ej. ?orgUnit=10&fiscalYear=2021.");
        }
        IndicatorQuery.ClosingReport report = query.closing(inScope(orgUnit), year);
        String wanted = format != null ? format.toLowerCase() : accept == null ? "" : accept.toLowerCase();
        String file = "cierre-" + orgUnit + "-" + year;
        if (wanted.contains("csv")) {
            return Response.ok(ClosingReportFormats.csv(report), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"").build();
        }
        if (wanted.contains("spreadsheetml") || wanted.contains("xlsx")) {
            return Response.ok(ClosingReportFormats.xlsx(report), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".xlsx\"").build();
        }
        return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    /** Drops the derived tables and replays the whole activity log from Kafka. */
    @POST
    @Path("/admin/rebuild")
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Produces(MediaType.APPLICATION_JSON)
    public Response rebuild() {
        return Response.accepted(consumers.requestRebuild()).build();
    }

    @GET
    @Path("/admin/rebuild")
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Produces(MediaType.APPLICATION_JSON)
    public Consumers.RebuildStatus rebuildStatus() {
        return consumers.rebuildStatus();
    }
}
