package mx.gob.dif.console.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import mx.gob.dif.common.security.Roles;
import mx.gob.dif.console.api.ApiException;
import mx.gob.dif.console.api.PlanImport;
import mx.gob.dif.console.api.ProgramsApi;
import mx.gob.dif.console.web.CellErrors;
import mx.gob.dif.console.web.Notice;
import mx.gob.dif.console.web.Uploads;
import mx.gob.dif.console.web.Viewer;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;
import java.util.UUID;

/**
 * The administrator's import of a work plan from its workbook: first programs-service's dry run
 * ({@code POST /api/v1/work-plans/import?dryRun=true}), whose errors are shown by sheet, row and column before
 * anything is saved; then, on confirmation, the same file imported for real.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMINISTRATOR)
public class PlanImportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();

        static native TemplateInstance plan(Notice notice, List<CellErrors> sheets, PlanImport checked, String key,
                                            String orgUnit, String fiscalYear);
    }

    private final ProgramsApi api;
    private final PendingImports pending;
    private final Viewer viewer;

    public PlanImportResource(@RestClient ProgramsApi api, PendingImports pending, Viewer viewer) {
        this.api = api;
        this.pending = pending;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance home() {
        return Templates.home();
    }

    @GET
    @Path("/plan")
    public TemplateInstance form() {
        return Templates.plan(null, List.of(), null, null, "", "");
    }

    /** The dry run: the errors by sheet, row and column, or what the import would do and a button to confirm it. */
    @POST
    @Path("/plan")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response check(@RestForm("archivo") FileUpload file, @RestForm String orgUnit, @RestForm String fiscalYear) {
        String unit = blank(orgUnit) ? null : orgUnit.trim();
        String yearText = blank(fiscalYear) ? "" : fiscalYear.trim();
        if (!Uploads.present(file)) {
            return page(400, Notice.error("Elija el archivo XLSX del programa anual."), List.of(), null, null, unit, yearText);
        }
        Integer year;
        try {
            year = yearText.isEmpty() ? null : Integer.valueOf(yearText);
        } catch (NumberFormatException e) {
            return page(400, Notice.error("El año fiscal se escribe con cuatro cifras, p. ej. 2021 (o déjelo vacío para tomar el "
                    + "de la hoja Plan)."), List.of(), null, null, unit, yearText);
        }
        byte[] workbook = Uploads.bytes(file);
        try {
            PlanImport r = api.importPlan(workbook, unit, year, true);
            UUID key = pending.keep(viewer.getName(), workbook, unit, year);
            return page(200, Notice.info("Prueba sin errores: no se ha guardado nada todavía. Revise el resumen y confirme."),
                    List.of(), r, key.toString(), unit, yearText);
        } catch (ApiException e) {
            if (e.status() == 401 || e.status() >= 500) {
                throw e;
            }
            return page(e.status(), Notice.error(e.detail()), CellErrors.of(e.errors(), true), null, null, unit, yearText);
        }
    }

    /** Imports the workbook the dry run checked. */
    @POST
    @Path("/plan/confirmacion")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@RestForm String key) {
        UUID k;
        try {
            k = UUID.fromString(key == null ? "" : key);
        } catch (IllegalArgumentException e) {
            k = null;
        }
        PendingImports.Pending p = k == null ? null : pending.take(k, viewer.getName()).orElse(null);
        if (p == null) {
            return page(409, Notice.error("La prueba de este archivo ya no está disponible (se confirmó o pasaron más de 30 "
                    + "minutos). Súbalo de nuevo."), List.of(), null, null, "", "");
        }
        try {
            PlanImport r = api.importPlan(p.workbook(), p.orgUnit(), p.fiscalYear(), false);
            return page(200, Notice.ok("Programa anual " + r.fiscalYear() + " de la unidad " + r.orgUnit() + " guardado: "
                    + r.programs() + " programas, " + r.actions() + " acciones y " + r.targets() + " metas (revisión "
                    + r.revision() + ")."), List.of(), null, null, "", "");
        } catch (ApiException e) {
            if (e.status() == 401 || e.status() >= 500) {
                throw e;
            }
            return page(e.status(), Notice.error(e.detail()), CellErrors.of(e.errors(), true), null, null, "", "");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Response page(int status, Notice notice, List<CellErrors> sheets, PlanImport checked, String key,
                                 String orgUnit, String fiscalYear) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.plan(notice, sheets, checked, key, orgUnit == null ? "" : orgUnit, fiscalYear)).build();
    }
}
