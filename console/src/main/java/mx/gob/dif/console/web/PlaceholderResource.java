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
    @Path("operador")
    @RolesAllowed({Roles.MUNICIPAL_OPERATOR, Roles.DIRECTOR})
    public TemplateInstance operator() {
        return Templates.placeholder(Section.OPERATOR, "El programa anual de la unidad con el semáforo de cada programa, la "
                + "captura mensual de metas y el envío del mes.");
    }

    @GET
    @Path("analista")
    @RolesAllowed(Roles.STATE_ANALYST)
    public TemplateInstance analyst() {
        return Templates.placeholder(Section.ANALYST, "El avance y el semáforo de los programas del estado, el desglose por "
                + "municipio, la tendencia mensual y qué municipios no han reportado.");
    }
}
