package mx.gob.dif.console.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * indicators-service's part of the public API the console uses (API.md, "Indicators" and "Reporting cycle"), through
 * the gateway with the person's own access token: the API decides what this person may read.
 */
@RegisterRestClient(configKey = "dif-api")
@RegisterProvider(ApiExceptionMapper.class)
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface IndicatorsApi {
    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @GET
    @Path("/indicators/{code}")
    IndicatorValue indicator(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
                             @QueryParam("period") String period);

    @GET
    @Path("/indicators/{code}/breakdown")
    IndicatorBreakdown breakdown(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
                                 @QueryParam("period") String period);

    /** Asynchronous: a page asks every program's progress at once. */
    @GET
    @Path("/programs/{code}/progress")
    Uni<ProgramProgress> progress(@PathParam("code") String code, @QueryParam("orgUnit") String orgUnit,
                             @QueryParam("period") String period);

    @GET
    @Path("/reporting/completeness")
    ReportingCompleteness completeness(@QueryParam("orgUnit") String orgUnit, @QueryParam("period") String period);

    @GET
    @Path("/reports/closing")
    ClosingReport closing(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") int fiscalYear);

    /** The closing report as CSV; the body is passed on as it comes. */
    @GET
    @Path("/reports/closing")
    @Produces("text/csv")
    Response closingCsv(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") int fiscalYear);

    /** The closing report as a spreadsheet (one Accept type each: the API picks the format by it). */
    @GET
    @Path("/reports/closing")
    @Produces(XLSX)
    Response closingXlsx(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") int fiscalYear);
}
