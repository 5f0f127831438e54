package mx.gob.dif.console.api;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
}
