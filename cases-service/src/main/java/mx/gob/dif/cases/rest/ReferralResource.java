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
import jakarta.ws.rs.core.Response;
import mx.gob.dif.cases.entity.Referral;
import mx.gob.dif.cases.service.ReferralService;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.Roles;

import java.util.UUID;

/**
 * Referrals, for the sending unit (case workers and directors of the unit or above it) and for the
 * receiving agency's system (integrator role, bound to its agency by the token): the agency lists,
 * reads and answers the referrals sent to it and downloads their letter; it sees them through
 * {@link AgencyReferral}, never the case behind them.
 */
@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR, Roles.INTEGRATOR})
public class ReferralResource {
    private final ReferralService referrals;
    private final CaseAccess access;

    public ReferralResource(ReferralService referrals, CaseAccess access) {
        this.referrals = referrals;
        this.access = access;
    }

    /** Referrals of a unit, or addressed to the calling agency (what an agency's system polls). */
    @GET
    public Page<?> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("agency") String agency,
                        @QueryParam("status") String status, @QueryParam("caseId") String caseId,
                        @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (!access.isIntegrator()) {
            return referrals.list(access.reach(), access.filter(orgUnit), agency, status, caseId, page, size);
        }
        String own = access.who().agency();
        if (agency != null && !agency.isBlank() && !agency.trim().equals(own)) {
            throw ProblemException.forbidden("Su dependencia (" + own + ") solo puede consultar las canalizaciones dirigidas a ella, no las de "
                    + agency.trim() + ".");
        }
        if (caseId != null && !caseId.isBlank()) {
            throw ProblemException.forbidden("Las dependencias no consultan casos: filtre por estado (status) o por unidad (orgUnit).");
        }
        Page<Referral> found = referrals.list(access.reach(), orgUnit, own, status, null, page, size);
        return new Page<>(found.items().stream().map(AgencyReferral::of).toList(), found.page(), found.size(), found.total());
    }

    @GET
    @Path("/{id}")
    public Object get(@PathParam("id") UUID id) {
        Referral r = access.referral(referrals.get(id));
        return access.isIntegrator() ? AgencyReferral.of(r) : r;
    }

    @GET
    @Path("/{id}/history")
    public Object history(@PathParam("id") UUID id) {
        access.referral(referrals.get(id));
        return access.isIntegrator() ? AgencyReferral.history(referrals.history(id)) : referrals.history(id);
    }

    /** Issues the numbered Solicitud de Gestión (idempotent). */
    @POST
    @Path("/{id}/letter")
    @RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
    public Referral issueLetter(@PathParam("id") UUID id) {
        access.referral(referrals.get(id));
        return referrals.issueLetter(id, access.actor());
    }

    @GET
    @Path("/{id}/letter")
    @Produces("application/pdf")
    public Response letter(@PathParam("id") UUID id) {
        access.letter(referrals.get(id));
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
    public Object status(@PathParam("id") UUID id, Dtos.ReferralStatusInput in) {
        access.referral(referrals.get(id));
        Referral r = referrals.changeStatus(id, in, access.actor());
        return access.isIntegrator() ? AgencyReferral.of(r) : r;
    }

    @POST
    @Path("/{id}/revocation")
    @RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
    public Referral revoke(@PathParam("id") UUID id, Dtos.RevocationInput in) {
        access.referral(referrals.get(id));
        return referrals.revoke(id, in == null ? null : in.reason(), access.actor());
    }
}
