package mx.gob.dif.cases.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import mx.gob.dif.cases.entity.ApprovalRequest;
import mx.gob.dif.cases.service.ApprovalService;
import mx.gob.dif.common.rest.Caller;
import mx.gob.dif.common.rest.Page;

import java.util.UUID;

@Path("/api/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalResource {
    private final ApprovalService approvals;

    public ApprovalResource(ApprovalService approvals) {
        this.approvals = approvals;
    }

    /** The director's inbox: {@code status=REQUESTED} lists what waits for a decision. */
    @GET
    public Page<ApprovalRequest> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("status") String status,
                                      @QueryParam("caseId") String caseId, @QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("size") @DefaultValue("50") int size) {
        return approvals.list(orgUnit, status, caseId, page, size);
    }

    @GET
    @Path("/{id}")
    public ApprovalRequest get(@PathParam("id") UUID id) {
        return approvals.get(id);
    }

    @POST
    @Path("/{id}/decision")
    public ApprovalRequest decide(@PathParam("id") UUID id, Dtos.DecisionInput in, @Context HttpHeaders headers) {
        return approvals.decide(id, in, Caller.of(headers));
    }
}
