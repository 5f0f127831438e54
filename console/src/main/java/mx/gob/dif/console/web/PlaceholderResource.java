package mx.gob.dif.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import mx.gob.dif.common.security.Roles;

/**
 * Home pages of the sections still to be built (console/README.md names who builds them): each says what will be
 * there. A section's own resource replaces its method here when it lands.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PlaceholderResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance placeholder(Section section, String coming);
    }

    @GET
    @Path("casos")
    @RolesAllowed({Roles.CASE_WORKER, Roles.DIRECTOR})
    public TemplateInstance cases() {
        return Templates.placeholder(Section.CASES, "Las tareas de hoy (seguimientos por vencer y vencidos), los casos de la "
                + "unidad con su estado e historial, y las aprobaciones de la dirección.");
    }

    @GET
    @Path("admin")
    @RolesAllowed(Roles.ADMINISTRATOR)
    public TemplateInstance admin() {
        return Templates.placeholder(Section.ADMIN, "La importación de un programa anual de trabajo desde XLSX, con los errores "
                + "de la prueba por hoja, fila y columna antes de guardar nada.");
    }
}
