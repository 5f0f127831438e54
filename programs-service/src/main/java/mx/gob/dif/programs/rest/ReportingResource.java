package mx.gob.dif.programs.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.programs.persistence.ReportingStore;
import mx.gob.dif.programs.service.ReportingService;
import mx.gob.dif.programs.service.ReportingService.Submission;

/**
 * The reporting cycle of a unit's month (docs/SECURITY.md): the unit's operator or director submits it, a state
 * analyst or administrator above the unit accepts or returns it, a state administrator above it reopens an accepted
 * one. Every answer is the month's status with its history; the unit scope is {@link ReportingService}'s.
 */
@Path("/api/v1/reporting")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.DIRECTOR, Roles.STATE_ANALYST, Roles.ADMINISTRATOR})
public class ReportingResource {
    private static final String UNIT_LENGTH = "La clave de la unidad admite hasta 16 caracteres.";
    private static final String MONTH_LENGTH = "El mes se escribe AAAA-MM (7 caracteres).";
    private final ReportingService reporting;

    public ReportingResource(ReportingService reporting) {
        this.reporting = reporting;
    }

    @POST
    @Path("/{orgUnit}/{month}/submission")
    @RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.DIRECTOR})
    public Submission submit(@PathParam("orgUnit") @Size(max = 16, message = UNIT_LENGTH) String orgUnit,
                             @PathParam("month") @Size(max = 7, message = MONTH_LENGTH) String month) {
        return reporting.submit(orgUnit, month);
    }

    @POST
    @Path("/{orgUnit}/{month}/submission/acceptance")
    @RolesAllowed({Roles.STATE_ANALYST, Roles.ADMINISTRATOR})
    public Submission accept(@PathParam("orgUnit") @Size(max = 16, message = UNIT_LENGTH) String orgUnit,
                             @PathParam("month") @Size(max = 7, message = MONTH_LENGTH) String month) {
        return reporting.accept(orgUnit, month);
    }

    @POST
    @Path("/{orgUnit}/{month}/submission/return")
    @RolesAllowed({Roles.STATE_ANALYST, Roles.ADMINISTRATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    public Submission sendBack(@PathParam("orgUnit") @Size(max = 16, message = UNIT_LENGTH) String orgUnit,
                               @PathParam("month") @Size(max = 7, message = MONTH_LENGTH) String month,
                               @Valid @NotNull(message = "Envíe {\"reason\": \"…\"} con el motivo de la devolución.") ReasonRequest body) {
        return reporting.sendBack(orgUnit, month, body.reason());
    }

    @POST
    @Path("/{orgUnit}/{month}/submission/reopening")
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Submission reopen(@PathParam("orgUnit") @Size(max = 16, message = UNIT_LENGTH) String orgUnit,
                             @PathParam("month") @Size(max = 7, message = MONTH_LENGTH) String month,
                             @Valid @NotNull(message = "Envíe {\"reason\": \"…\"} con el motivo de la reapertura.") ReasonRequest body) {
        return reporting.reopen(orgUnit, month, body.reason());
    }

    @GET
    @Path("/{orgUnit}/{month}/submission")
    public Submission get(@PathParam("orgUnit") @Size(max = 16, message = UNIT_LENGTH) String orgUnit,
                          @PathParam("month") @Size(max = 7, message = MONTH_LENGTH) String month) {
        return reporting.get(orgUnit, month);
    }

    /** The months with a status, by unit and month: of one unit, or of every unit the caller covers; optionally of one year. */
    @GET
    @Path("/submissions")
    public Page<ReportingStore.MonthRow> list(@QueryParam("orgUnit") @Size(max = 16, message = UNIT_LENGTH) String orgUnit,
                                              @QueryParam("year") Integer year,
                                              @QueryParam("page") @DefaultValue("0") int page,
                                              @QueryParam("size") @DefaultValue("50") int size) {
        return reporting.list(PlanHttp.blank(orgUnit), year, page, size);
    }
}
