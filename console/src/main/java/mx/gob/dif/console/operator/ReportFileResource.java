package mx.gob.dif.console.operator;

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
import mx.gob.dif.console.api.ProgramsApi;
import mx.gob.dif.console.api.ReportsAccepted;
import mx.gob.dif.console.web.CellErrors;
import mx.gob.dif.console.web.Notice;
import mx.gob.dif.console.web.Uploads;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;
import java.util.Locale;

/**
 * The operator's upload of a CSV or XLSX file of activity reports ({@code POST /api/v1/activities} with the file
 * as it is): the API validates it whole, and a refused file comes back with each bad row's Spanish errors shown
 * next to that row; nothing of it is stored. The template to fill in is the API's own.
 */
@Path("/operador/archivo")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.DIRECTOR})
public class ReportFileResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(Notice notice, String fileName, List<CellErrors> rows);
    }

    private final ProgramsApi api;

    public ReportFileResource(@RestClient ProgramsApi api) {
        this.api = api;
    }

    @GET
    public TemplateInstance form() {
        return Templates.upload(null, null, List.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("archivo") FileUpload file) {
        if (!Uploads.present(file)) {
            return page(400, Notice.error("Elija un archivo CSV o XLSX con sus reportes."), null, List.of());
        }
        byte[] bytes = Uploads.bytes(file);
        String name = file.fileName() == null ? "" : file.fileName();
        try {
            ReportsAccepted r = workbook(name, bytes) ? api.reportXlsx(bytes) : api.reportCsv(bytes);
            return page(200, Notice.ok("Archivo recibido: " + r.accepted() + " reporte(s) registrado(s)"
                    + (r.alreadyKnown() > 0 ? "; " + r.alreadyKnown() + " ya estaban registrados y no se contaron de nuevo." : ".")),
                    name, List.of());
        } catch (ApiException e) {
            if (e.status() == 401 || e.status() >= 500) {
                throw e;
            }
            return page(e.status(), Notice.error(e.detail()), name, CellErrors.of(e.errors(), false));
        }
    }

    @GET
    @Path("/plantilla.csv")
    @Produces("text/csv")
    public Response csvTemplate() {
        return Response.ok(api.reportTemplate("csv"), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"plantilla-reportes.csv\"").build();
    }

    @GET
    @Path("/plantilla.xlsx")
    @Produces(ProgramsApi.XLSX)
    public Response xlsxTemplate() {
        return Response.ok(api.reportTemplate("xlsx"), ProgramsApi.XLSX)
                .header("Content-Disposition", "attachment; filename=\"plantilla-reportes.xlsx\"").build();
    }

    /** A workbook by its name, or by its content (an XLSX is a ZIP: "PK"), whatever the browser called it. */
    static boolean workbook(String name, byte[] bytes) {
        return name.toLowerCase(Locale.ROOT).endsWith(".xlsx") || (bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K');
    }

    private static Response page(int status, Notice notice, String fileName, List<CellErrors> rows) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.upload(notice, fileName, rows)).build();
    }
}
