package mx.gob.dif.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import mx.gob.dif.cases.api.DecisionRequest;
import mx.gob.dif.cases.entity.ApprovalRequest;
import mx.gob.dif.cases.service.ApprovalService;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.security.Roles;

import java.util.UUID;

/** Approvals of the caller's unit: case workers follow what they asked for, directors decide. */
@Path("/api/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
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

    /** Closing a case or referring it without consent: the director of the case's unit (or above it) decides. */
    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.DIRECTOR)
    public ApprovalRequest decide(@PathParam("id") UUID id, @Valid DecisionRequest in) {
        return approvals.decide(id, in);
    }
}
