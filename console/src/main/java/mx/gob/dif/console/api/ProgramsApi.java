package mx.gob.dif.console.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import mx.gob.dif.common.rest.Page;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** programs-service's part of the public API the console uses: plans, activity reports, the reporting cycle. */
@Path("/api/v1")
@RegisterRestClient(configKey = "dif-api")
@RegisterProvider(ApiExceptionMapper.class)
@AccessToken
public interface ProgramsApi {

    @GET
    @Path("/work-plans")
    Page<PlanSummary> plans(@QueryParam("orgUnit") String orgUnit, @QueryParam("size") int size);

    @GET
    @Path("/programs")
    Page<ProgramItem> programs(@QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") int fiscalYear,
                               @QueryParam("size") int size);

    @POST
    @Path("/activities")
    @Consumes(MediaType.APPLICATION_JSON)
    ReportsAccepted report(List<ActivityReport> reports);

    @GET
    @Path("/reporting/{orgUnit}/{month}/submission")
    Submission month(@PathParam("orgUnit") String orgUnit, @PathParam("month") String month);

    @POST
    @Path("/reporting/{orgUnit}/{month}/submission")
    Submission submit(@PathParam("orgUnit") String orgUnit, @PathParam("month") String month);

    /** Reports as a CSV or XLSX file (columns id, indicador, clave_unidad, fecha, cantidad, nota). */
    @POST
    @Path("/activities")
    @Consumes("text/csv")
    ReportsAccepted reportCsv(byte[] file);

    @POST
    @Path("/activities")
    @Consumes(XLSX)
    ReportsAccepted reportXlsx(byte[] file);

    /** The reports file to fill in: {@code format} csv or xlsx. */
    @GET
    @Path("/activities/template")
    @Produces({XLSX, "text/csv"})
    byte[] reportTemplate(@QueryParam("format") String format);

    /** A work plan's workbook: with {@code dryRun} only validated (200, the counts) or refused (422, errors by cell). */
    @POST
    @Path("/work-plans/import")
    @Consumes(XLSX)
    PlanImport importPlan(byte[] workbook, @QueryParam("orgUnit") String orgUnit, @QueryParam("fiscalYear") Integer fiscalYear,
                          @QueryParam("dryRun") boolean dryRun);

    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
