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
import mx.gob.dif.cases.api.CaseDetail;
import mx.gob.dif.cases.api.CaseRequest;
import mx.gob.dif.cases.api.ConsentRequest;
import mx.gob.dif.cases.api.EnrollmentRequest;
import mx.gob.dif.cases.api.FollowUpPetition;
import mx.gob.dif.cases.api.InterventionRequest;
import mx.gob.dif.cases.api.ReasonRequest;
import mx.gob.dif.cases.api.ReferralRequest;
import mx.gob.dif.cases.api.TransitionRequest;
import mx.gob.dif.cases.entity.ApprovalRequest;
import mx.gob.dif.cases.entity.CaseTransition;
import mx.gob.dif.cases.entity.Consent;
import mx.gob.dif.cases.entity.Enrollment;
import mx.gob.dif.cases.entity.FollowUpRequest;
import mx.gob.dif.cases.entity.Intervention;
import mx.gob.dif.cases.entity.Referral;
import mx.gob.dif.cases.entity.SupportCase;
import mx.gob.dif.cases.service.CaseService;
import mx.gob.dif.cases.service.EnrollmentService;
import mx.gob.dif.cases.service.FollowUpService;
import mx.gob.dif.cases.service.ReferralService;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * A person's case: case workers and directors, for the cases of their unit and the units below it
 * (the services check the unit of every record they load for the caller).
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
public class CaseResource {
    private final CaseService cases;
    private final EnrollmentService enrollments;
    private final ReferralService referrals;
    private final FollowUpService followUps;

    public CaseResource(CaseService cases, EnrollmentService enrollments, ReferralService referrals, FollowUpService followUps) {
        this.cases = cases;
        this.enrollments = enrollments;
        this.referrals = referrals;
        this.followUps = followUps;
    }

    /** Intake of a request for support, in the caller's unit, for a person of the caller's unit. */
    @POST
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SupportCase.class)))
    public Response intake(@Valid CaseRequest in) {
        SupportCase c = cases.intake(in);
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
    public CaseDetail get(@PathParam("id") UUID id) {
        return cases.detail(id);
    }

    @GET
    @Path("/{id}/history")
    public List<CaseTransition> history(@PathParam("id") UUID id) {
        return cases.history(id);
    }

    /** Moves the case: UNDER_REVIEW, REJECTED (reason), FOLLOW_UP, RESOLVED, reopening (reason). */
    @POST
    @Path("/{id}/transitions")
    public SupportCase transition(@PathParam("id") UUID id, @Valid TransitionRequest in) {
        return cases.transition(id, in);
    }

    @POST
    @Path("/{id}/enrollments")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Enrollment.class)))
    public Response enroll(@PathParam("id") UUID id, @Valid EnrollmentRequest in) {
        return Response.status(201).entity(enrollments.enroll(id, in)).build();
    }

    @POST
    @Path("/{id}/interventions")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Intervention.class)))
    public Response intervene(@PathParam("id") UUID id, @Valid InterventionRequest in) {
        return Response.status(201).entity(cases.intervene(id, in)).build();
    }

    @GET
    @Path("/{id}/interventions")
    public List<Intervention> interventions(@PathParam("id") UUID id) {
        return cases.interventions(id);
    }

    @POST
    @Path("/{id}/consents")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Consent.class)))
    public Response consent(@PathParam("id") UUID id, @Valid ConsentRequest in) {
        return Response.status(201).entity(cases.consent(id, in)).build();
    }

    @POST
    @Path("/{id}/consents/{consentId}/revocation")
    public Consent revokeConsent(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId, @Valid ReasonRequest in) {
        return cases.revokeConsent(id, consentId, in == null ? null : in.reason());
    }

    /** Refers the case to an agency (with consent, or asking the director for an override). */
    @POST
    @Path("/{id}/referrals")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Referral.class)))
    public Response refer(@PathParam("id") UUID id, @Valid ReferralRequest in) {
        Referral r = referrals.create(id, in);
        return Response.created(URI.create("/api/v1/referrals/" + r.id)).entity(r).build();
    }

    /** Asks the director to close the case. */
    @POST
    @Path("/{id}/closure")
    @APIResponse(responseCode = "202", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApprovalRequest.class)))
    public Response closure(@PathParam("id") UUID id, @Valid ReasonRequest in) {
        return Response.accepted(cases.requestClosure(id, in == null ? null : in.reason())).build();
    }

    /** An office asks for the case's follow-up report. */
    @POST
    @Path("/{id}/follow-up-requests")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FollowUpRequest.class)))
    public Response followUp(@PathParam("id") UUID id, @Valid FollowUpPetition in) {
        FollowUpRequest f = followUps.request(id, in);
        return Response.created(URI.create("/api/v1/follow-up-requests/" + f.id)).entity(f).build();
    }
}
