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
import mx.gob.dif.cases.api.DeliveryRequest;
import mx.gob.dif.cases.api.TaskList;
import mx.gob.dif.cases.entity.FollowUpRequest;
import mx.gob.dif.cases.service.FollowUpService;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.rest.ProblemException;
import mx.gob.dif.common.security.Roles;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Follow-up reports and task lists: case workers and directors, for their unit and the units below it. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
public class FollowUpResource {
    private final FollowUpService followUps;

    public FollowUpResource(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @GET
    @Path("/follow-up-requests")
    public Page<FollowUpRequest> list(@QueryParam("orgUnit") String orgUnit, @QueryParam("status") String status,
                                      @QueryParam("assignedTo") String assignedTo, @QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("size") @DefaultValue("50") int size) {
        return followUps.list(orgUnit, status, assignedTo, page, size);
    }

    @GET
    @Path("/follow-up-requests/{id}")
    public FollowUpRequest get(@PathParam("id") UUID id) {
        return followUps.get(id);
    }

    /** Integrates and delivers the Informe de Seguimiento. */
    @POST
    @Path("/follow-up-requests/{id}/report")
    public FollowUpRequest deliver(@PathParam("id") UUID id, @Valid DeliveryRequest in) {
        return followUps.deliver(id, in);
    }

    @GET
    @Path("/follow-up-requests/{id}/report")
    @Produces("application/pdf")
    public Response report(@PathParam("id") UUID id) {
        FollowUpRequest f = followUps.withReport(id);
        return Response.ok(f.reportPdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + f.reportFolio + ".pdf\"").build();
    }

    /** What a worker or a unit must deliver soon (within the configured days) and what is overdue. */
    @GET
    @Path("/tasks")
    public TaskList tasks(@QueryParam("orgUnit") String orgUnit, @QueryParam("worker") String worker,
                          @QueryParam("asOf") String asOf) {
        LocalDate today;
        try {
            today = asOf == null || asOf.isBlank() ? LocalDate.now() : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'asOf' debe ser una fecha AAAA-MM-DD.");
        }
        return followUps.tasks(orgUnit, worker, today);
    }
}
