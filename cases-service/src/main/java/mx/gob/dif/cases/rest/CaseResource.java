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
import mx.gob.dif.cases.entity.ApprovalRequest;
import mx.gob.dif.cases.entity.Beneficiary;
import mx.gob.dif.cases.entity.CaseTransition;
import mx.gob.dif.cases.entity.Consent;
import mx.gob.dif.cases.entity.Enrollment;
import mx.gob.dif.cases.entity.FollowUpRequest;
import mx.gob.dif.cases.entity.Intervention;
import mx.gob.dif.cases.entity.Referral;
import mx.gob.dif.cases.entity.SupportCase;
import mx.gob.dif.cases.service.CaseService;
import mx.gob.dif.cases.service.FollowUpService;
import mx.gob.dif.cases.service.ReferralService;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A person's case: case workers and directors, for the cases of their unit and the units below it. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
public class CaseResource {
    private final CaseService cases;
    private final ReferralService referrals;
    private final FollowUpService followUps;
    private final CaseAccess access;

    public CaseResource(CaseService cases, ReferralService referrals, FollowUpService followUps, CaseAccess access) {
        this.cases = cases;
        this.referrals = referrals;
        this.followUps = followUps;
        this.access = access;
    }

    /** The case, if it exists (404) and belongs to the caller's unit or one below it (403). */
    private SupportCase inReach(UUID id) {
        SupportCase c = cases.get(id);
        access.unit(c.orgUnit);
        return c;
    }

    /** Intake of a request for support, in the caller's unit, for a person of the caller's unit. */
    @POST
    public Response intake(Dtos.CaseInput in) {
        if (in != null) {
            access.unitInBody(in.orgUnit());
            Beneficiary b = BeneficiaryResource.find(in.beneficiaryId());
            if (b != null) {
                access.unit(b.orgUnit);
            }
        }
        SupportCase c = cases.intake(in, access.actor());
        return Response.created(URI.create("/api/v1/cases/" + c.id)).entity(c).build();
    }

    @GET
    public Page<SupportCase> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("status") String status,
                                  @QueryParam("category") String category, @QueryParam("worker") String worker,
                                  @QueryParam("beneficiaryId") String beneficiaryId, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("50") int size) {
        return cases.list(access.reach(), access.filter(orgUnit), status, category, worker, beneficiaryId, from, to, page, size);
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") UUID id) {
        inReach(id);
        return cases.detail(id);
    }

    @GET
    @Path("/{id}/history")
    public List<CaseTransition> history(@PathParam("id") UUID id) {
        inReach(id);
        return cases.history(id);
    }

    /** Moves the case: UNDER_REVIEW, REJECTED (reason), FOLLOW_UP, RESOLVED, reopening (reason). */
    @POST
    @Path("/{id}/transitions")
    public SupportCase transition(@PathParam("id") UUID id, Dtos.TransitionInput in) {
        inReach(id);
        return cases.transition(id, in, access.actor());
    }

    @POST
    @Path("/{id}/enrollments")
    public Response enroll(@PathParam("id") UUID id, Dtos.EnrollmentInput in) {
        inReach(id);
        Enrollment e = cases.enroll(id, in, access.actor());
        return Response.status(201).entity(e).build();
    }

    @POST
    @Path("/{id}/interventions")
    public Response intervene(@PathParam("id") UUID id, Dtos.InterventionInput in) {
        inReach(id);
        Intervention i = cases.intervene(id, in, access.actor());
        return Response.status(201).entity(i).build();
    }

    @GET
    @Path("/{id}/interventions")
    public List<Intervention> interventions(@PathParam("id") UUID id) {
        inReach(id);
        return Intervention.list("caseId = ?1 order by doneOn, createdAt", id);
    }

    @POST
    @Path("/{id}/consents")
    public Response consent(@PathParam("id") UUID id, Dtos.ConsentInput in) {
        inReach(id);
        Beneficiary guardian = in == null ? null : BeneficiaryResource.find(in.guardianId());
        if (guardian != null) {
            access.unit(guardian.orgUnit);
        }
        Consent k = cases.consent(id, in, access.actor());
        return Response.status(201).entity(k).build();
    }

    @POST
    @Path("/{id}/consents/{consentId}/revocation")
    public Consent revokeConsent(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId, Dtos.RevocationInput in) {
        inReach(id);
        return cases.revokeConsent(id, consentId, in == null ? null : in.reason(), access.actor());
    }

    /** Refers the case to an agency (with consent, or asking the director for an override). */
    @POST
    @Path("/{id}/referrals")
    public Response refer(@PathParam("id") UUID id, Dtos.ReferralInput in) {
        inReach(id);
        Referral r = referrals.create(id, in, access.actor());
        return Response.created(URI.create("/api/v1/referrals/" + r.id)).entity(r).build();
    }

    /** Asks the director to close the case. */
    @POST
    @Path("/{id}/closure")
    public Response closure(@PathParam("id") UUID id, Dtos.ClosureInput in) {
        inReach(id);
        ApprovalRequest a = cases.requestClosure(id, in == null ? null : in.reason(), access.actor());
        return Response.accepted(a).build();
    }

    /** An office asks for the case's follow-up report. */
    @POST
    @Path("/{id}/follow-up-requests")
    public Response followUp(@PathParam("id") UUID id, Dtos.FollowUpInput in) {
        inReach(id);
        FollowUpRequest f = followUps.request(id, in, access.actor());
        return Response.created(URI.create("/api/v1/follow-up-requests/" + f.id)).entity(f).build();
    }
}
