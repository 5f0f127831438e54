package mx.gob.dif.cases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
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
    private final CaseAccess access;

    public ApprovalResource(ApprovalService approvals, CaseAccess access) {
        this.approvals = approvals;
        this.access = access;
    }

    /** The director's inbox: {@code status=REQUESTED} lists what waits for a decision. */
    @GET
    public Page<ApprovalRequest> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("status") String status,
                                      @QueryParam("caseId") String caseId, @QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("size") @DefaultValue("50") int size) {
        return approvals.list(access.reach(), access.filter(orgUnit), status, caseId, page, size);
    }

    @GET
    @Path("/{id}")
    public ApprovalRequest get(@PathParam("id") UUID id) {
        ApprovalRequest a = approvals.get(id);
        access.unit(a.orgUnit);
        return a;
    }

    /** Closing a case or referring it without consent: the director of the case's unit (or above it) decides. */
    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.DIRECTOR)
    public ApprovalRequest decide(@PathParam("id") UUID id, Dtos.DecisionInput in) {
        access.unit(approvals.get(id).orgUnit);
        return approvals.decide(id, in, access.actor());
    }
}
