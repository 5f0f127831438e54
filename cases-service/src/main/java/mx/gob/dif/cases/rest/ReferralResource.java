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
import jakarta.ws.rs.core.Response;
import mx.gob.dif.cases.entity.Referral;
import mx.gob.dif.cases.entity.ReferralTransition;
import mx.gob.dif.cases.service.ReferralService;
import mx.gob.dif.common.rest.Caller;
import mx.gob.dif.common.rest.Page;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralResource {
    private final ReferralService referrals;

    public ReferralResource(ReferralService referrals) {
        this.referrals = referrals;
    }

    /** Referrals of a unit, or addressed to an agency (what an agency's system polls). */
    @GET
    public Page<Referral> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("agency") String agency,
                               @QueryParam("status") String status, @QueryParam("caseId") String caseId,
                               @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return referrals.list(orgUnit, agency, status, caseId, page, size);
    }

    @GET
    @Path("/{id}")
    public Referral get(@PathParam("id") UUID id) {
        return referrals.get(id);
    }

    @GET
    @Path("/{id}/history")
    public List<ReferralTransition> history(@PathParam("id") UUID id) {
        return referrals.history(id);
    }

    /** Issues the numbered Solicitud de Gestión (idempotent). */
    @POST
    @Path("/{id}/letter")
    public Referral issueLetter(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        return referrals.issueLetter(id, Caller.of(headers));
    }

    @GET
    @Path("/{id}/letter")
    @Produces("application/pdf")
    public Response letter(@PathParam("id") UUID id) {
        Referral r = referrals.withLetter(id);
        return Response.ok(r.letterPdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + r.letterFolio + ".pdf\"").build();
    }

    /** The agency's answer: RECEIVED, ACCEPTED, REJECTED (reason), IN_PROGRESS, COMPLETED (outcome). */
    @POST
    @Path("/{id}/status")
    public Referral status(@PathParam("id") UUID id, Dtos.ReferralStatusInput in, @Context HttpHeaders headers) {
        return referrals.changeStatus(id, in, Caller.of(headers));
    }

    @POST
    @Path("/{id}/revocation")
    public Referral revoke(@PathParam("id") UUID id, Dtos.RevocationInput in, @Context HttpHeaders headers) {
        return referrals.revoke(id, in == null ? null : in.reason(), Caller.of(headers));
    }
}
