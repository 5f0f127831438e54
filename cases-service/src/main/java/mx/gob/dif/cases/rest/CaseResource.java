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
import mx.gob.dif.cases.entity.ApprovalRequest;
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
import mx.gob.dif.common.rest.Caller;
import mx.gob.dif.common.rest.Page;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {
    private final CaseService cases;
    private final ReferralService referrals;
    private final FollowUpService followUps;

    public CaseResource(CaseService cases, ReferralService referrals, FollowUpService followUps) {
        this.cases = cases;
        this.referrals = referrals;
        this.followUps = followUps;
    }

    /** Intake of a request for support. */
    @POST
    public Response intake(Dtos.CaseInput in, @Context HttpHeaders headers) {
        SupportCase c = cases.intake(in, Caller.of(headers));
        return Response.created(URI.create("/api/v1/cases/" + c.id)).entity(c).build();
    }

    @GET
    public Page<SupportCase> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("status") String status,
                                  @QueryParam("category") String category, @QueryParam("worker") String worker,
                                  @QueryParam("beneficiaryId") String beneficiaryId, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("50") int size) {
        return cases.list(orgUnit, status, category, worker, beneficiaryId, from, to, page, size);
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") UUID id) {
        return cases.detail(id);
    }

    @GET
    @Path("/{id}/history")
    public List<CaseTransition> history(@PathParam("id") UUID id) {
        cases.get(id);
        return cases.history(id);
    }

    /** Moves the case: UNDER_REVIEW, REJECTED (reason), FOLLOW_UP, RESOLVED, reopening (reason). */
    @POST
    @Path("/{id}/transitions")
    public SupportCase transition(@PathParam("id") UUID id, Dtos.TransitionInput in, @Context HttpHeaders headers) {
        return cases.transition(id, in, Caller.of(headers));
    }

    @POST
    @Path("/{id}/enrollments")
    public Response enroll(@PathParam("id") UUID id, Dtos.EnrollmentInput in, @Context HttpHeaders headers) {
        Enrollment e = cases.enroll(id, in, Caller.of(headers));
        return Response.status(201).entity(e).build();
    }

    @POST
    @Path("/{id}/interventions")
    public Response intervene(@PathParam("id") UUID id, Dtos.InterventionInput in, @Context HttpHeaders headers) {
        Intervention i = cases.intervene(id, in, Caller.of(headers));
        return Response.status(201).entity(i).build();
    }

    @GET
    @Path("/{id}/interventions")
    public List<Intervention> interventions(@PathParam("id") UUID id) {
        cases.get(id);
        return Intervention.list("caseId = ?1 order by doneOn, createdAt", id);
    }

    @POST
    @Path("/{id}/consents")
    public Response consent(@PathParam("id") UUID id, Dtos.ConsentInput in, @Context HttpHeaders headers) {
        Consent k = cases.consent(id, in, Caller.of(headers));
        return Response.status(201).entity(k).build();
    }

    @POST
    @Path("/{id}/consents/{consentId}/revocation")
    public Consent revokeConsent(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId, Dtos.RevocationInput in,
                                 @Context HttpHeaders headers) {
        return cases.revokeConsent(id, consentId, in == null ? null : in.reason(), Caller.of(headers));
    }

    /** Refers the case to an agency (with consent, or asking the director for an override). */
    @POST
    @Path("/{id}/referrals")
    public Response refer(@PathParam("id") UUID id, Dtos.ReferralInput in, @Context HttpHeaders headers) {
        Referral r = referrals.create(id, in, Caller.of(headers));
        return Response.created(URI.create("/api/v1/referrals/" + r.id)).entity(r).build();
    }

    /** Asks the director to close the case. */
    @POST
    @Path("/{id}/closure")
    public Response closure(@PathParam("id") UUID id, Dtos.ClosureInput in, @Context HttpHeaders headers) {
        ApprovalRequest a = cases.requestClosure(id, in == null ? null : in.reason(), Caller.of(headers));
        return Response.accepted(a).build();
    }

    /** An office asks for the case's follow-up report. */
    @POST
    @Path("/{id}/follow-up-requests")
    public Response followUp(@PathParam("id") UUID id, Dtos.FollowUpInput in, @Context HttpHeaders headers) {
        FollowUpRequest f = followUps.request(id, in, Caller.of(headers));
        return Response.created(URI.create("/api/v1/follow-up-requests/" + f.id)).entity(f).build();
    }
}
