package mx.gob.dif.indicators.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.indicators.api.Completeness;
import mx.gob.dif.indicators.service.IndicatorQuery;

/** Who reported a month and in time: an aggregate like the indicators, read by the same roles within their units. */
@Path("/api/v1/reporting")
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.CASE_WORKER, Roles.DIRECTOR, Roles.STATE_ANALYST, Roles.INTEGRATOR, Roles.ADMINISTRATOR})
public class ReportingResource {
    private final IndicatorQuery query;

    public ReportingResource(IndicatorQuery query) {
        this.query = query;
    }

    /** Per direct child unit (or the unit itself) and in total: targets due in the month, reported, on time, the submission. */
    @GET
    @Path("/completeness")
    @Produces(MediaType.APPLICATION_JSON)
    public Completeness completeness(@QueryParam("orgUnit") String orgUnit, @QueryParam("period") String period) {
        return query.completeness(orgUnit, period);
    }
}
