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
import java.util.UUID;

/** cases-service's part of the public API the console uses: tasks, cases, their history, letters and approvals. */
@Path("/api/v1")
@RegisterRestClient(configKey = "dif-api")
@RegisterProvider(ApiExceptionMapper.class)
@AccessToken
public interface CasesApi {

    @GET
    @Path("/tasks")
    CaseRecords.TaskList tasks(@QueryParam("orgUnit") String orgUnit);

    @GET
    @Path("/cases")
    Page<CaseRecords.CaseItem> cases(@QueryParam("orgUnit") String orgUnit, @QueryParam("status") String status,
                                     @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/cases/{id}")
    CaseRecords.CaseDetail detail(@PathParam("id") UUID id);

    @GET
    @Path("/cases/{id}/history")
    List<CaseRecords.Transition> history(@PathParam("id") UUID id);

    @GET
    @Path("/referrals/{id}/letter")
    @Produces("application/pdf")
    byte[] letter(@PathParam("id") UUID referralId);

    @GET
    @Path("/approvals")
    Page<CaseRecords.Approval> approvals(@QueryParam("orgUnit") String orgUnit, @QueryParam("status") String status);

    @POST
    @Path("/approvals/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    CaseRecords.Approval decide(@PathParam("id") UUID id, CaseRecords.Decision decision);
}
