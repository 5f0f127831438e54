package mx.gob.dif.console.operator;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.console.api.ApiException;
import mx.gob.dif.console.api.ProgramsApi;
import mx.gob.dif.console.api.Submission;
import mx.gob.dif.console.web.Notice;
import mx.gob.dif.console.web.Viewer;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The municipal operator's pages (a director's too): the unit's plan with its traffic lights, the monthly report
 * grid and the month's submission. Everything is read and written through the API as the signed-in person.
 */
@Path("/operador")
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.DIRECTOR})
@Produces(MediaType.TEXT_HTML)
public class OperatorResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plan(PlanChoice choice, PlanLights plan, List<String> months);

        static native TemplateInstance grid(ReportGrid grid, Submission submission, Notice notice, String monthError);
    }

    private final Viewer viewer;
    private final OperatorPlans plans;
    private final MonthlyReport report;
    private final ProgramsApi programs;
    private final Clock clock;

    public OperatorResource(Viewer viewer, OperatorPlans plans, MonthlyReport report, @RestClient ProgramsApi programs,
                            Clock clock) {
        this.viewer = viewer;
        this.plans = plans;
        this.report = report;
        this.programs = programs;
        this.clock = clock;
    }

    @GET
    public TemplateInstance plan(@QueryParam("anio") String year) {
        PlanChoice choice = plans.choose(viewer.getOrgUnit(), year, LocalDate.now(clock));
        PlanLights lights = choice.year() == null ? null : plans.lights(viewer.getOrgUnit(), choice.year(), LocalDate.now(clock));
        return Templates.plan(choice, lights, choice.year() == null ? List.of() : OperatorPlans.months(choice.year(), LocalDate.now(clock)));
    }

    @GET
    @Path("reporte")
    public Response grid(@QueryParam("mes") String month, @QueryParam("nuevos") Integer accepted,
                         @QueryParam("repetidos") Integer known, @QueryParam("envio") String submitted) {
        ReportMonth.Result parsed = ReportMonth.parse(month, LocalDate.now(clock));
        if (parsed.month().isEmpty()) {
            return page(400, Templates.grid(null, null, null, parsed.error().orElseThrow()));
        }
        ReportMonth m = parsed.month().get();
        Notice notice = null;
        if (accepted != null && accepted >= 0) {
            notice = Notice.ok(sentText(accepted, known == null ? 0 : Math.max(0, known)));
        } else if (submitted != null) {
            notice = Notice.ok("Envió " + mx.gob.dif.console.web.Labels.monthName(m.toString())
                    + " para revisión del estado.");
        }
        return page(200, Templates.grid(report.grid(viewer.getOrgUnit(), m), submission(m), notice, null));
    }

    @POST
    @Path("reporte")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(MultivaluedMap<String, String> form) {
        ReportMonth.Result parsed = ReportMonth.parse(form.getFirst("mes"), LocalDate.now(clock));
        if (parsed.month().isEmpty()) {
            return page(400, Templates.grid(null, null, null, parsed.error().orElseThrow()));
        }
        ReportMonth m = parsed.month().get();
        Map<String, String> fields = new HashMap<>();
        form.forEach((k, v) -> fields.put(k, v.isEmpty() ? null : v.get(0)));
        MonthlyReport.Outcome outcome = report.send(viewer.getOrgUnit(), m, fields);
        if (outcome.sent()) {
            // after a POST, a GET (the browser's reload then shows the page, it does not send the form again)
            return Response.seeOther(UriBuilder.fromPath("/operador/reporte").queryParam("mes", m.toString())
                    .queryParam("nuevos", outcome.accepted().accepted())
                    .queryParam("repetidos", outcome.accepted().alreadyKnown()).build()).build();
        }
        return page(outcome.status(), Templates.grid(outcome.grid(), submission(m), outcome.notice(), null));
    }

    @POST
    @Path("envio")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@FormParam("mes") String month) {
        ReportMonth.Result parsed = ReportMonth.parse(month, LocalDate.now(clock));
        if (parsed.month().isEmpty()) {
            return page(400, Templates.grid(null, null, null, parsed.error().orElseThrow()));
        }
        ReportMonth m = parsed.month().get();
        try {
            programs.submit(viewer.getOrgUnit(), m.toString());
        } catch (ApiException e) {
            if (e.status() == 401 || e.status() == 403 || e.status() >= 500) {
                throw e;
            }
            return page(e.status(), Templates.grid(report.grid(viewer.getOrgUnit(), m), submission(m),
                    Notice.error("El mes no se envió. " + e.detail()), null));
        }
        return Response.seeOther(UriBuilder.fromPath("/operador/reporte").queryParam("mes", m.toString())
                .queryParam("envio", "1").build()).build();
    }

    private Submission submission(ReportMonth m) {
        return programs.month(viewer.getOrgUnit(), m.toString());
    }

    static String sentText(int accepted, int known) {
        String text = accepted == 1 ? "Se registró 1 reporte nuevo." : "Se registraron " + accepted + " reportes nuevos.";
        if (known > 0) {
            text += known == 1 ? " 1 ya estaba registrado y no se contó de nuevo."
                    : " " + known + " ya estaban registrados y no se contaron de nuevo.";
        }
        return text;
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
