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
import jakarta.ws.rs.core.Response;
import mx.gob.dif.cases.api.AgencyReferral;
import mx.gob.dif.cases.api.ReasonRequest;
import mx.gob.dif.cases.api.ReferralStatusRequest;
import mx.gob.dif.cases.api.ReferralStep;
import mx.gob.dif.cases.api.ReferralView;
import mx.gob.dif.cases.entity.Referral;
import mx.gob.dif.cases.service.ReferralService;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.security.Roles;

import java.util.List;
import java.util.UUID;

/**
 * Referrals, for the sending unit (case workers and directors of the unit or above it) and for the
 * receiving agency's system (integrator role, bound to its agency by the token): the agency lists,
 * reads and answers the referrals sent to it and downloads their letter; it sees them through
 * {@link AgencyReferral}, never the case behind them (the service decides who sees what).
 */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR, Roles.INTEGRATOR})
public class ReferralResource {
    private final ReferralService referrals;

    public ReferralResource(ReferralService referrals) {
        this.referrals = referrals;
    }

    /** Referrals of a unit, or addressed to the calling agency (what an agency's system polls). */
    @GET
    public Page<ReferralView> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("agency") String agency,
                                   @QueryParam("status") String status, @QueryParam("caseId") String caseId,
                                   @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return referrals.list(orgUnit, agency, status, caseId, page, size);
    }

    @GET
    @Path("/{id}")
    public ReferralView get(@PathParam("id") UUID id) {
        return referrals.view(id);
    }

    @GET
    @Path("/{id}/history")
    public List<ReferralStep> history(@PathParam("id") UUID id) {
        return referrals.history(id);
    }

    /** Issues the numbered Solicitud de Gestión (idempotent). */
    @POST
    @Path("/{id}/letter")
    @RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
    public Referral issueLetter(@PathParam("id") UUID id) {
        return referrals.issueLetter(id);
    }

    @GET
    @Path("/{id}/letter")
    @Produces("application/pdf")
    public Response letter(@PathParam("id") UUID id) {
        Referral r = referrals.withLetter(id);
        return Response.ok(r.letterPdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + r.letterFolio + ".pdf\"").build();
    }

    /**
     * The agency's answer: RECEIVED, ACCEPTED, REJECTED (reason), IN_PROGRESS, COMPLETED (outcome), from
     * its own system, or recorded by the sending unit from the agency's paper reply.
     */
    @POST
    @Path("/{id}/status")
    public ReferralView status(@PathParam("id") UUID id, @Valid ReferralStatusRequest in) {
        return referrals.changeStatus(id, in);
    }

    @POST
    @Path("/{id}/revocation")
    @RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
    public Referral revoke(@PathParam("id") UUID id, @Valid ReasonRequest in) {
        return referrals.revoke(id, in == null ? null : in.reason());
    }
}
