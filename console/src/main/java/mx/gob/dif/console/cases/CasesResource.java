package mx.gob.dif.console.cases;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.common.rest.Page;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.console.api.ApiException;
import mx.gob.dif.console.api.CaseRecords;
import mx.gob.dif.console.api.CasesApi;
import mx.gob.dif.console.web.Notice;
import mx.gob.dif.console.web.Viewer;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;
import java.util.UUID;

/**
 * The case worker's and the director's pages (console/README.md): today's tasks, the unit's cases, a case's
 * history, its referral letters, the director's approvals. Everything is read and changed through cases-service's
 * public API with the person's own token, so the API decides what each may see and do. Case data is personal:
 * it is rendered for the person and never logged.
 */
@Path("/casos")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
public class CasesResource {
    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tasks(CaseRecords.TaskList tasks, boolean director);

        static native TemplateInstance list(Page<CaseRecords.CaseItem> cases, String status, List<CaseStates.State> states,
                                            int page, boolean more);

        static native TemplateInstance detail(CaseRecords.CaseDetail detail);

        static native TemplateInstance approvals(List<CaseRecords.Approval> approvals, Notice notice);
    }

    private final CasesApi api;
    private final Viewer viewer;
    private final SecurityIdentity identity;

    public CasesResource(@RestClient CasesApi api, Viewer viewer, SecurityIdentity identity) {
        this.api = api;
        this.viewer = viewer;
        this.identity = identity;
    }

    /** Today's tasks of the person's unit: follow-up reports overdue and due soon. */
    @GET
    public TemplateInstance tasks() {
        return Templates.tasks(api.tasks(viewer.getOrgUnit()), identity.hasRole(Roles.DIRECTOR));
    }

    @GET
    @Path("/lista")
    public TemplateInstance list(@QueryParam("estado") String status, @QueryParam("pagina") int page) {
        String s = CaseStates.known(status) ? status : null;
        int p = Math.max(0, page);
        Page<CaseRecords.CaseItem> cases = api.cases(viewer.getOrgUnit(), s, p, PAGE_SIZE);
        return Templates.list(cases, s, CaseStates.ALL, p, (long) (p + 1) * PAGE_SIZE < cases.total());
    }

    @GET
    @Path("/aprobaciones")
    @RolesAllowed(Roles.DIRECTOR)
    public TemplateInstance approvals() {
        return Templates.approvals(pending(), null);
    }

    /** The director's decision on one approval; the page again, with what happened (or the API's reason). */
    @POST
    @Path("/aprobaciones/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.DIRECTOR)
    public TemplateInstance decide(@PathParam("id") UUID id, @RestForm String decision, @RestForm String comment) {
        Notice notice;
        try {
            CaseRecords.Approval a = api.decide(id, new CaseRecords.Decision(decision, comment == null || comment.isBlank() ? null : comment.trim()));
            notice = Notice.ok("APPROVED".equals(a.status()) ? "Solicitud aprobada." : "Solicitud rechazada.");
        } catch (ApiException e) {
            if (e.status() == 401) {
                throw e;
            }
            notice = Notice.error(e.detail());
        }
        return Templates.approvals(pending(), notice);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        return Templates.detail(api.detail(uuid(id)));
    }

    /** A referral's letter (Solicitud de Gestión) as the API renders it. */
    @GET
    @Path("/{id}/carta.pdf")
    @Produces("application/pdf")
    public Response letter(@PathParam("id") String caseId, @QueryParam("canalizacion") String referralId) {
        byte[] pdf = api.letter(uuid(referralId));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"carta-canalizacion.pdf\"").build();
    }

    private List<CaseRecords.Approval> pending() {
        return api.approvals(viewer.getOrgUnit(), "REQUESTED").items();
    }

    /** An id from the address: anything else is a page that does not exist. */
    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id == null ? "" : id);
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.NotFoundException();
        }
    }
}
